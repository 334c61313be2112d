// schema_check.h — the part of JSON Schema (draft 2020-12) that assets/schema/*.json use, so a
// test can hold a file to what its schema states: type, required, properties,
// additionalProperties, const, enum, pattern, minimum/maximum, minLength, minItems, items, and
// $ref to "#/$defs/…" or to a sibling schema file ("form.schema.json"). format, description and
// contentEncoding are annotations and are not checked.
#pragma once
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <string>
#include <vector>

#include "text_file.h"

namespace lw::test {

class SchemaCheck {
 public:
  explicit SchemaCheck(std::filesystem::path dir) : dir_(std::move(dir)) {}

  // Every place where `doc` breaks `schema_file` ("/forms/0/sections: required \"title\"").
  std::vector<std::string> Check(const nlohmann::json& doc, const std::string& schema_file) {
    errors_.clear();
    Validate(doc, Root(schema_file), Root(schema_file), "");
    return errors_;
  }

 private:
  const nlohmann::json& Root(const std::string& file) {
    auto it = roots_.find(file);
    if (it == roots_.end()) it = roots_.emplace(file, nlohmann::json::parse(ReadTextFile(dir_ / file))).first;
    return it->second;
  }

  static bool TypeIs(const nlohmann::json& v, const std::string& t) {
    if (t == "object") return v.is_object();
    if (t == "array") return v.is_array();
    if (t == "string") return v.is_string();
    if (t == "integer") return v.is_number_integer();
    if (t == "number") return v.is_number();
    if (t == "boolean") return v.is_boolean();
    if (t == "null") return v.is_null();
    return false;
  }

  void Fail(const std::string& at, const std::string& what) {
    errors_.push_back((at.empty() ? "/" : at) + ": " + what);
  }

  void Validate(const nlohmann::json& v, const nlohmann::json& s, const nlohmann::json& root, const std::string& at) {
    using nlohmann::json;
    if (s.contains("$ref")) {
      const std::string ref = s["$ref"];
      const auto hash = ref.find('#');
      const json& target_root = hash == 0 ? root : Root(ref.substr(0, hash));
      const json* target = &target_root;
      if (hash != std::string::npos) target = &target_root.at(json::json_pointer(ref.substr(hash + 1)));
      Validate(v, *target, target_root, at);
    }
    if (s.contains("type")) {
      bool ok = false;
      for (const json& t : s["type"].is_array() ? s["type"] : json::array({s["type"]})) ok = ok || TypeIs(v, t);
      if (!ok) return Fail(at, "type should be " + s["type"].dump());
    }
    if (s.contains("const") && v != s["const"]) Fail(at, "should be " + s["const"].dump());
    if (s.contains("enum") && std::find(s["enum"].begin(), s["enum"].end(), v) == s["enum"].end())
      Fail(at, "should be one of " + s["enum"].dump());
    if (v.is_string()) {
      const std::string str = v;
      if (s.contains("pattern") && !std::regex_search(str, std::regex(s["pattern"].get<std::string>())))
        Fail(at, "does not match " + s["pattern"].dump());
      if (s.contains("minLength") && str.empty() && s["minLength"].get<int>() > 0) Fail(at, "is empty");
    }
    if (v.is_number()) {
      if (s.contains("minimum") && v.get<double>() < s["minimum"].get<double>()) Fail(at, "below minimum");
      if (s.contains("maximum") && v.get<double>() > s["maximum"].get<double>()) Fail(at, "above maximum");
    }
    if (v.is_object()) {
      for (const json& key : s.value("required", json::array()))
        if (!v.contains(key.get<std::string>())) Fail(at, "required " + key.dump());
      const json props = s.value("properties", json::object());
      for (const auto& [k, x] : v.items()) {
        if (props.contains(k))
          Validate(x, props[k], root, at + "/" + k);
        else if (s.contains("additionalProperties") && s["additionalProperties"].is_boolean()) {
          if (!s["additionalProperties"].get<bool>()) Fail(at, "unknown member \"" + k + "\"");
        } else if (s.contains("additionalProperties"))
          Validate(x, s["additionalProperties"], root, at + "/" + k);
      }
    }
    if (v.is_array()) {
      if (s.contains("minItems") && v.size() < s["minItems"].get<size_t>()) Fail(at, "too few items");
      if (s.contains("items"))
        for (size_t i = 0; i < v.size(); ++i) Validate(v[i], s["items"], root, at + "/" + std::to_string(i));
    }
  }

  std::filesystem::path dir_;
  std::map<std::string, nlohmann::json> roots_;
  std::vector<std::string> errors_;
};

}  // namespace lw::test
