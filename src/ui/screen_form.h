// screen_form.h — one draft open for editing: the form, its status, and what to do with it.
#pragma once
#include "app_context.h"
#include "form_view.h"
#include "photo_widget.h"

namespace lw::ui {

class FormScreen {
 public:
  explicit FormScreen(PhotoCache& photos) : photos_(photos) {}
  void Draw(AppContext& app);
  // Export and print live on the coordinator's side (desk); the form screen offers them too.
  // on_word downloads the form as a .docx, which is what the notices ask units to hand in.
  std::function<void(AppContext&, const Record&)> on_export, on_print, on_word;

 private:
  void Toolbar(AppContext& app, Record& r);
  void MigrationNotice(AppContext& app, Record& r);
  FormView view_;
  PhotoCache& photos_;
};

}  // namespace lw::ui
