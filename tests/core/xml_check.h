// xml_check.h — a small well-formedness check for the XML parts we write (nlohmann reads JSON
// only): every tag closed in order, attributes quoted, '&' only as an entity, and no '<' in text.
#pragma once
#include <string>
#include <vector>

namespace lw::test {

// "" when well formed, else what is wrong and where.
inline std::string XmlProblem(const std::string& x) {
  std::vector<std::string> open;
  size_t i = 0;
  if (x.compare(0, 5, "<?xml") == 0) i = x.find("?>") + 2;
  bool root_seen = false;
  while (i < x.size()) {
    if (x[i] == '&') {
      const size_t semi = x.find(';', i);
      const std::string ent = semi == std::string::npos ? "" : x.substr(i, semi - i + 1);
      if (ent != "&amp;" && ent != "&lt;" && ent != "&gt;" && ent != "&quot;" && ent != "&#39;")
        return "bare & at " + std::to_string(i);
      i = semi + 1;
      continue;
    }
    if (x[i] == '>') return "stray > at " + std::to_string(i);
    if (x[i] != '<') {
      if (open.empty() && x[i] != '\n' && x[i] != ' ') return "text outside the root at " + std::to_string(i);
      ++i;
      continue;
    }
    // A tag: find its end, skipping quoted attribute values.
    size_t j = i + 1;
    char quote = 0;
    for (; j < x.size() && (quote || x[j] != '>'); ++j) {
      if (quote && x[j] == quote)
        quote = 0;
      else if (!quote && (x[j] == '"' || x[j] == '\''))
        quote = x[j];
      else if (!quote && x[j] == '<')
        return "< inside a tag at " + std::to_string(j);
      else if (quote && x[j] == '<')
        return "< inside an attribute at " + std::to_string(j);
    }
    if (j >= x.size()) return "unterminated tag at " + std::to_string(i);
    std::string tag = x.substr(i + 1, j - i - 1);
    const bool closing = !tag.empty() && tag[0] == '/', empty = !tag.empty() && tag.back() == '/';
    std::string name = tag.substr(closing ? 1 : 0, tag.find_first_of(" /\t\n", 1) - (closing ? 1 : 0));
    if (name.empty()) return "tag without a name at " + std::to_string(i);
    if (closing) {
      if (open.empty() || open.back() != name)
        return "</" + name + "> closes " + (open.empty() ? "nothing" : "<" + open.back() + ">");
      open.pop_back();
    } else if (!empty) {
      if (open.empty() && root_seen) return "second root <" + name + ">";
      open.push_back(name);
    }
    root_seen = true;
    i = j + 1;
  }
  return open.empty() ? (root_seen ? "" : "no root element") : "<" + open.back() + "> never closed";
}

}  // namespace lw::test
