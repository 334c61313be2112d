// rollup.cpp — see rollup.h.
#include "rollup.h"

#include <map>

namespace lw {

namespace {

// The route table being written: one entry per distinct path (a bundle and the path below it),
// parents before children so every via points to an earlier entry.
class RouteTable {
 public:
  explicit RouteTable(std::vector<Route>& routes) : routes_(routes) {}

  // Entry for `hop` reached over entry `via` of the new table.
  int Intern(const Hop& hop, int via) {
    const auto [it, added] = index_.try_emplace({hop.sha256, via}, static_cast<int>(routes_.size()));
    if (added) routes_.push_back({hop, via});
    return it->second;
  }
  // Entry v of an imported bundle's table (and the path below it), copied into the new table.
  int Copy(const std::vector<Route>& from, int v) {
    if (v < 0 || v >= static_cast<int>(from.size())) return -1;
    const auto key = std::make_pair(&from, v);
    if (const auto it = copied_.find(key); it != copied_.end()) return it->second;
    const int parent = from[v].via < v ? Copy(from, from[v].via) : -1;  // via < v: no cycles
    return copied_[key] = Intern(from[v].hop, parent);
  }

 private:
  std::vector<Route>& routes_;
  std::map<std::pair<std::string, int>, int> index_;
  std::map<std::pair<const std::vector<Route>*, int>, int> copied_;
};

Hop HopOf(const Provenance& p) { return {p.unit, p.region, p.sha256}; }

}  // namespace

void AttachRoutes(Bundle& b, const ImportStore& store) {
  b.routes.clear();
  RouteTable table(b.routes);
  for (Record& r : b.records) {
    const Provenance* prov = store.SourceOf(r.uuid);
    const std::vector<Route>* below = store.RoutesOf(r.uuid);
    if (!prov || !below) {
      r.via = -1;  // this device's own record: it starts here
      continue;
    }
    r.via = table.Intern(HopOf(*prov), table.Copy(*below, r.via));
  }
}

std::vector<Hop> ChainOf(const ImportStore& store, const Record& merged) {
  const Provenance* prov = store.SourceOf(merged.uuid);
  const std::vector<Route>* routes = store.RoutesOf(merged.uuid);
  if (!prov || !routes) return {};
  std::vector<Hop> chain{HopOf(*prov)};
  for (int v = merged.via; v >= 0 && v < static_cast<int>(routes->size());
       v = (*routes)[v].via < v ? (*routes)[v].via : -1)
    chain.push_back((*routes)[v].hop);
  return {chain.rbegin(), chain.rend()};
}

}  // namespace lw
