// rollup.h — roll-up across levels: a county forwards its units' records upward in one bundle
// (each keeping its origin), a city its counties', and so on to the Ministry. Each forwarded
// record points into the bundle's route table, so at any level its provenance is a chain: the
// origin, then every bundle it travelled in with that bundle's issuer and SHA-256.
#pragma once
#include <string>
#include <vector>

#include "bundle.h"
#include "import_store.h"

namespace lw {

// Gives every record of b that this desk imported (the merged version, not one of this device's
// drafts) its route: the bundle it arrived in, then the bundles below that one. Fills b.routes.
void AttachRoutes(Bundle& b, const ImportStore& store);

// The bundles a merged record travelled in, oldest first: the one its origin sent, then each
// forwarder's, ending with the bundle this desk imported it from. Empty when not imported.
std::vector<Hop> ChainOf(const ImportStore& store, const Record& merged);

}  // namespace lw
