// settings.cpp — see settings.h.
#include "settings.h"

#include <algorithm>

namespace lw {

nlohmann::json Settings::ToJson() const {
  return {{"textScale", text_scale},
          {"dark", dark},
          {"largeMode", large_mode},
          {"campaign", campaign},
          {"issuer", issuer},
          {"backupDone", backup_done},
          {"exampleLoaded", example_loaded},
          {"feedUrl", feed_url},
          {"mapApproval", map_approval},
          {"ceremonyHideExample", ceremony_hide_example},
          {"deviceId", device_id}};
}

Settings Settings::FromJson(const nlohmann::json& j) {
  Settings s;
  if (!j.is_object()) return s;
  if (j.contains("textScale") && j["textScale"].is_number_integer())
    s.text_scale = std::clamp(j["textScale"].get<int>(), kMinScale, kMaxScale);
  if (j.contains("dark") && j["dark"].is_boolean()) s.dark = j["dark"].get<bool>();
  if (j.contains("largeMode") && j["largeMode"].is_boolean()) s.large_mode = j["largeMode"].get<bool>();
  if (j.contains("campaign") && j["campaign"].is_string()) s.campaign = j["campaign"].get<std::string>();
  if (j.contains("issuer") && j["issuer"].is_string()) s.issuer = j["issuer"].get<std::string>();
  if (j.contains("backupDone") && j["backupDone"].is_boolean()) s.backup_done = j["backupDone"].get<bool>();
  if (j.contains("exampleLoaded") && j["exampleLoaded"].is_boolean()) s.example_loaded = j["exampleLoaded"].get<bool>();
  if (j.contains("feedUrl") && j["feedUrl"].is_string()) s.feed_url = j["feedUrl"].get<std::string>();
  if (j.contains("mapApproval") && j["mapApproval"].is_string()) s.map_approval = j["mapApproval"].get<std::string>();
  if (j.contains("ceremonyHideExample") && j["ceremonyHideExample"].is_boolean())
    s.ceremony_hide_example = j["ceremonyHideExample"].get<bool>();
  if (j.contains("deviceId") && j["deviceId"].is_string()) s.device_id = j["deviceId"].get<std::string>();
  return s;
}

}  // namespace lw
