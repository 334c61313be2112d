// photo_widget.h — captioned photos in a form: thumbnails (decoded by the host, cached as
// textures), a caption per photo, add / remove / reorder.
#pragma once
#include <map>
#include <nlohmann/json.hpp>
#include <string>

#include "app_context.h"
#include "field_widgets.h"

namespace lw::ui {

class PhotoCache {
 public:
  struct Thumb {
    unsigned long long texture = 0;
    int width = 0, height = 0;
    bool requested = false, failed = false;
  };
  const Thumb& Get(Workspace& ws, const std::string& sha256);
  void OnDecoded(const std::string& sha256, const std::string& rgba, int width, int height, bool ok);
  // The renderer changed and took its textures with it: decode again when next shown.
  void Forget() { thumbs_.clear(); }

 private:
  std::map<std::string, Thumb> thumbs_;
};

// Draws a Photos field. New photos arrive later through AddPhotos (file picker or drop).
bool PhotosInput(const FieldDef& f, nlohmann::json& value, const FieldEnv& env, AppContext& app, PhotoCache& cache,
                 const std::string& record_uuid);

// Adds picked or dropped image files to a record's photo field. Returns a message for the user.
std::string AddPhotos(AppContext& app, const std::string& record_uuid, const std::string& field_id,
                      const std::vector<OpenedFile>& files);

// "image/jpeg" etc. from the file's first bytes; "" when it is not a supported image.
std::string SniffImageMime(const std::string& bytes);

}  // namespace lw::ui
