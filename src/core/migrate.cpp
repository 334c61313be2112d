// migrate.cpp — see migrate.h.
#include "migrate.h"

namespace lw {

using nlohmann::json;

bool MigrateRecord(const FormDef& form, Record& r) {
  if (r.form != form.id || r.form_version >= form.version) return false;
  json report = {{"from", r.form_version},    {"to", form.version},        {"notes", json::array()},
                 {"renamed", json::object()}, {"removed", json::object()}, {"unknown", json::object()}};
  for (int v = r.form_version; v < form.version; ++v) {
    const Migration* step = nullptr;
    for (const Migration& m : form.migrations)
      if (m.from == v) step = &m;
    if (!step) continue;  // no recorded changes for this version
    if (!step->note.empty()) report["notes"].push_back(step->note);
    for (const auto& [from, to] : step->renamed) {
      if (!r.values.contains(from)) continue;
      if (!r.values.contains(to)) r.values[to] = r.values[from];
      r.values.erase(from);
      report["renamed"][from] = to;
    }
    for (const std::string& gone : step->removed) {
      if (!r.values.contains(gone)) continue;
      report["removed"][gone] = r.values[gone];
      r.values.erase(gone);
    }
  }
  // Anything else the current definition does not know is kept aside too.
  for (auto it = r.values.begin(); it != r.values.end();) {
    if (form.Find(it.key())) {
      ++it;
      continue;
    }
    report["unknown"][it.key()] = it.value();
    it = r.values.erase(it);
  }
  r.form_version = form.version;
  r.migrated = report;
  return true;
}

}  // namespace lw
