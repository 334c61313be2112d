// package_ref.h — which campaign package (活动包) something was made with: its id, version and
// fingerprint. Form libraries list the packages merged into them, bundles the packages their
// records need, so a coordinator is told which package to open before a bundle can be read.
#pragma once
#include <string>

namespace lw {

struct PackageRef {
  std::string id;
  int version = 0;
  std::string fingerprint;  // SHA-256 of the package's canonical bytes (campaign_package.h)
  std::string title;        // for messages: the campaign's title and the issuing unit
  bool operator==(const PackageRef&) const = default;
};

}  // namespace lw
