// xlsx_reader.cpp — see xlsx_reader.h. A workbook is a ZIP (zip_reader.h) of XML parts; the few
// parts read here are scanned with a small tokenizer (tags, attributes, character data and the
// five entities plus character references), enough for what spreadsheet programs write.
#include "xlsx_reader.h"

#include <cstdlib>
#include <functional>
#include <map>
#include <string_view>

#include "utf8.h"
#include "zip_reader.h"

namespace lw {

namespace {

constexpr size_t kMaxCells = 1000000;  // rows × columns once padded: a form's sheet has a few hundred

std::string_view LocalName(std::string_view name) {
  const auto colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

// Character data with its entities and character references replaced; false when malformed.
bool DecodeEntities(std::string_view s, std::string& out) {
  out.clear();
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '&') {
      out += s[i];
      continue;
    }
    const size_t semi = s.find(';', i);
    if (semi == std::string_view::npos || semi - i > 12) return false;
    const std::string_view ent = s.substr(i + 1, semi - i - 1);
    if (ent == "lt")
      out += '<';
    else if (ent == "gt")
      out += '>';
    else if (ent == "amp")
      out += '&';
    else if (ent == "quot")
      out += '"';
    else if (ent == "apos")
      out += '\'';
    else if (ent.size() > 1 && ent[0] == '#') {
      const bool hex = ent[1] == 'x' || ent[1] == 'X';
      const std::string digits(ent.substr(hex ? 2 : 1));
      if (digits.empty() ||
          digits.find_first_not_of(hex ? "0123456789abcdefABCDEF" : "0123456789") != std::string::npos)
        return false;
      const unsigned long cp = std::stoul(digits, nullptr, hex ? 16 : 10);
      if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
      utf8::Append(out, static_cast<char32_t>(cp));
    } else {
      return false;
    }
    i = semi;
  }
  return true;
}

// OOXML escapes characters XML cannot hold as _xHHHH_ (a line break in a cell: _x000D_).
std::string DecodeOoxmlEscapes(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '_' && i + 6 < s.size() && s[i + 1] == 'x' && s[i + 6] == '_' &&
        s.substr(i + 2, 4).find_first_not_of("0123456789abcdefABCDEF") == std::string::npos) {
      utf8::Append(out, static_cast<char32_t>(std::stoul(s.substr(i + 2, 4), nullptr, 16)));
      i += 6;
      continue;
    }
    out += s[i];
  }
  return out;
}

struct XmlEvents {
  std::function<void(std::string_view name, std::string_view tag)> open;  // tag: its whole text, for Attr
  std::function<void(std::string_view name)> close;                       // also right after an empty element
  std::function<void(const std::string& text)> text;
};

// Walks a document start to end; false when it is not well-formed enough to read.
bool ScanXml(std::string_view xml, const XmlEvents& on) {
  std::string decoded;
  size_t i = 0;
  while (i < xml.size()) {
    if (xml[i] != '<') {
      const size_t lt = xml.find('<', i);
      const std::string_view raw = xml.substr(i, lt == std::string_view::npos ? std::string_view::npos : lt - i);
      if (!DecodeEntities(raw, decoded)) return false;
      if (on.text) on.text(decoded);
      i = lt == std::string_view::npos ? xml.size() : lt;
      continue;
    }
    if (xml.compare(i, 4, "<!--") == 0) {
      const size_t end = xml.find("-->", i);
      if (end == std::string_view::npos) return false;
      i = end + 3;
      continue;
    }
    if (xml.compare(i, 9, "<![CDATA[") == 0) {
      const size_t end = xml.find("]]>", i);
      if (end == std::string_view::npos) return false;
      if (on.text) on.text(std::string(xml.substr(i + 9, end - i - 9)));
      i = end + 3;
      continue;
    }
    // A tag: find its end outside quoted attribute values.
    size_t j = i + 1;
    char quote = 0;
    for (; j < xml.size() && (quote || xml[j] != '>'); ++j)
      if (quote ? xml[j] == quote : (xml[j] == '"' || xml[j] == '\'')) quote = quote ? 0 : xml[j];
    if (j >= xml.size()) return false;
    const std::string_view tag = xml.substr(i + 1, j - i - 1);
    i = j + 1;
    if (tag.empty()) return false;
    if (tag[0] == '?' || tag[0] == '!') continue;  // declaration, DOCTYPE
    if (tag[0] == '/') {
      if (on.close) on.close(LocalName(tag.substr(1, tag.find_first_of(" \t\r\n") - 1)));
      continue;
    }
    const bool empty = tag.back() == '/';
    const std::string_view name = LocalName(tag.substr(0, tag.find_first_of(" \t\r\n/")));
    if (on.open) on.open(name, tag);
    if (empty && on.close) on.close(name);
  }
  return true;
}

// The value of the attribute whose local name is `local` ("id" finds r:id), "" when absent.
std::string Attr(std::string_view tag, std::string_view local) {
  size_t i = tag.find_first_of(" \t\r\n");
  while (i != std::string_view::npos && i < tag.size()) {
    while (i < tag.size() && (tag[i] == ' ' || tag[i] == '\t' || tag[i] == '\r' || tag[i] == '\n')) ++i;
    const size_t eq = tag.find('=', i);
    if (eq == std::string_view::npos) break;
    std::string_view name = tag.substr(i, eq - i);
    while (!name.empty() && name.back() == ' ') name.remove_suffix(1);
    size_t q = eq + 1;
    while (q < tag.size() && tag[q] == ' ') ++q;
    if (q >= tag.size() || (tag[q] != '"' && tag[q] != '\'')) break;
    const size_t end = tag.find(tag[q], q + 1);
    if (end == std::string_view::npos) break;
    if (LocalName(name) == local) {
      std::string value;
      return DecodeEntities(tag.substr(q + 1, end - q - 1), value) ? value : std::string();
    }
    i = end + 1;
  }
  return {};
}

// "worksheets/sheet1.xml" relative to "xl/workbook.xml" → "xl/worksheets/sheet1.xml"; a target
// starting with / is from the archive's root; ".." steps up.
std::string Resolve(const std::string& from_part, const std::string& target) {
  std::string path =
      target.rfind('/', 0) == 0 ? target.substr(1) : from_part.substr(0, from_part.rfind('/') + 1) + target;
  std::vector<std::string> parts;
  size_t start = 0;
  while (start <= path.size()) {
    const size_t slash = path.find('/', start);
    const std::string part = path.substr(start, slash == std::string::npos ? std::string::npos : slash - start);
    if (part == "..") {
      if (!parts.empty()) parts.pop_back();
    } else if (!part.empty() && part != ".") {
      parts.push_back(part);
    }
    if (slash == std::string::npos) break;
    start = slash + 1;
  }
  std::string out;
  for (const std::string& p : parts) out += (out.empty() ? "" : "/") + p;
  return out;
}

// A part's relationships: Id → (Type, resolved target).
std::map<std::string, std::pair<std::string, std::string>> Relationships(
    const std::map<std::string, std::string>& parts, const std::string& part) {
  std::map<std::string, std::pair<std::string, std::string>> out;
  const size_t slash = part.rfind('/');
  const std::string rels = (slash == std::string::npos ? "" : part.substr(0, slash + 1)) + "_rels/" +
                           part.substr(slash == std::string::npos ? 0 : slash + 1) + ".rels";
  const auto it = parts.find(rels);
  if (it == parts.end()) return out;
  ScanXml(it->second, {[&](std::string_view name, std::string_view tag) {
                         if (name == "Relationship")
                           out[Attr(tag, "Id")] = {Attr(tag, "Type"), Resolve(part, Attr(tag, "Target"))};
                       },
                       nullptr, nullptr});
  return out;
}

bool EndsWith(const std::string& s, std::string_view tail) {
  return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

// The text of each <si> (or of an <is>): its <t> elements, those of phonetic runs left out.
class StringCollector {
 public:
  void Open(std::string_view name) {
    if (name == "rPh") in_phonetic_ = true;
    if (name == "t" && !in_phonetic_) in_t_ = true;
  }
  void Close(std::string_view name) {
    if (name == "rPh") in_phonetic_ = false;
    if (name == "t") in_t_ = false;
  }
  void Text(const std::string& s) {
    if (in_t_) text_ += s;
  }
  std::string Take() {
    std::string out = DecodeOoxmlEscapes(text_);
    text_.clear();
    in_t_ = in_phonetic_ = false;
    return out;
  }

 private:
  std::string text_;
  bool in_t_ = false, in_phonetic_ = false;
};

// "AB12" → 27 (0-based column), -1 when it names no column.
int ColumnIndex(const std::string& ref) {
  int col = 0;
  size_t i = 0;
  for (; i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z'; ++i) col = col * 26 + (ref[i] - 'A' + 1);
  return i == 0 || i > 3 ? -1 : col - 1;
}

}  // namespace

SheetCells ReadXlsxFirstSheet(const std::string& bytes) {
  SheetCells out;
  const auto fail = [&](std::string why) {
    out.rows.clear();
    out.row_numbers.clear();
    out.error = std::move(why);
    return out;
  };
  if (!LooksLikeZip(bytes)) return fail("文件不是 .xlsx 工作簿（请在 WPS 或 Excel 中另存为 .xlsx 或 CSV）");
  ZipLimits limits;
  limits.max_total_bytes = 50u * 1024 * 1024;
  ZipReadResult zip = ReadZip(bytes, limits);
  if (!zip.error.empty()) return fail("无法读取 .xlsx 工作簿：" + zip.error);
  std::map<std::string, std::string> parts;
  for (ZipEntry& e : zip.entries) parts[e.name] = std::move(e.data);

  std::string workbook = "xl/workbook.xml";
  for (const auto& [id, rel] : Relationships(parts, ""))
    if (EndsWith(rel.first, "/officeDocument")) workbook = rel.second;
  if (!parts.count(workbook)) return fail("文件不是 .xlsx 工作簿（缺少 workbook.xml）");
  const auto rels = Relationships(parts, workbook);
  std::string first_sheet_id;
  if (!ScanXml(parts[workbook], {[&](std::string_view name, std::string_view tag) {
                                   if (name == "sheet" && first_sheet_id.empty()) first_sheet_id = Attr(tag, "id");
                                 },
                                 nullptr, nullptr}))
    return fail("工作簿已损坏（" + workbook + " 无法读取）");
  const auto sheet_rel = rels.find(first_sheet_id);
  if (sheet_rel == rels.end() || !parts.count(sheet_rel->second.second)) return fail("工作簿中没有工作表");
  const std::string sheet_part = sheet_rel->second.second;

  std::vector<std::string> shared;
  for (const auto& [id, rel] : rels) {
    if (!EndsWith(rel.first, "/sharedStrings") || !parts.count(rel.second)) continue;
    StringCollector si;
    const bool ok = ScanXml(parts[rel.second], {[&](std::string_view name, std::string_view) { si.Open(name); },
                                                [&](std::string_view name) {
                                                  si.Close(name);
                                                  if (name == "si") shared.push_back(si.Take());
                                                },
                                                [&](const std::string& s) { si.Text(s); }});
    if (!ok) return fail("工作簿已损坏（" + rel.second + " 无法读取）");
  }

  // The sheet: <row r="4"><c r="B4" t="s"><v>3</v></c>…</row>.
  std::string error;
  size_t cells = 0;
  std::vector<std::string>* row = nullptr;
  std::string type, value;
  int col = -1, next_col = 0;
  bool in_v = false, in_is = false;
  StringCollector inline_text;
  const bool ok = ScanXml(parts[sheet_part],
                          {[&](std::string_view name, std::string_view tag) {
                             if (name == "row") {
                               const std::string r = Attr(tag, "r");
                               const int number = r.empty() ? (out.row_numbers.empty() ? 1 : out.row_numbers.back() + 1)
                                                            : std::atoi(r.c_str());
                               out.rows.emplace_back();
                               out.row_numbers.push_back(number);
                               row = &out.rows.back();
                               next_col = 0;
                             } else if (name == "c") {
                               type = Attr(tag, "t");
                               value.clear();
                               const int at = ColumnIndex(Attr(tag, "r"));
                               col = at >= 0 ? at : next_col;
                             } else if (name == "v") {
                               in_v = true;
                             } else if (name == "is") {
                               in_is = true;
                             } else if (in_is) {
                               inline_text.Open(name);
                             }
                           },
                           [&](std::string_view name) {
                             if (name == "v") {
                               in_v = false;
                             } else if (name == "is") {
                               in_is = false;
                               value = inline_text.Take();
                             } else if (in_is) {
                               inline_text.Close(name);
                             } else if (name == "c" && row) {
                               std::string text = value;
                               if (type == "s") {
                                 char* end = nullptr;
                                 const unsigned long n = std::strtoul(value.c_str(), &end, 10);
                                 if (value.empty() || *end || n >= shared.size())
                                   error = "工作簿已损坏（共享字符串缺失）";
                                 text = n < shared.size() ? shared[n] : std::string();
                               } else if (type == "b") {
                                 text = value == "1" ? "TRUE" : "FALSE";
                               }
                               if (static_cast<size_t>(col) >= row->size()) {
                                 cells += col + 1 - row->size();
                                 if (cells > kMaxCells) error = "工作表过大，请只保留表格的字段";
                                 if (!error.empty()) return;
                                 row->resize(col + 1);
                               }
                               (*row)[col] = std::move(text);
                               next_col = col + 1;
                             }
                           },
                           [&](const std::string& s) {
                             if (in_is)
                               inline_text.Text(s);
                             else if (in_v)
                               value += s;
                           }});
  if (!ok) return fail("工作簿已损坏（" + sheet_part + " 无法读取）");
  if (!error.empty()) return fail(error);
  // Rows listed without content (formatting only) are not rows of the form.
  for (size_t i = out.rows.size(); i-- > 0;)
    if (out.rows[i].empty()) {
      out.rows.erase(out.rows.begin() + i);
      out.row_numbers.erase(out.row_numbers.begin() + i);
    }
  return out;
}

}  // namespace lw
