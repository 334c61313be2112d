// screen_drafts.h — 填报: every draft on this device, with status, and the recycle bin.
#pragma once
#include "app_context.h"
#include "export_flow.h"

namespace lw::ui {

class DraftsScreen {
 public:
  void Draw(AppContext& app);

 private:
  void NewDraftMenu(AppContext& app);
  void TrashCard(AppContext& app);

  ExportPanel export_;
};

// Creates a draft of form_id and opens it.
void OpenNewDraft(AppContext& app, const std::string& form_id);
// Moves a draft to the recycle bin with an undo toast.
void DeleteDraft(AppContext& app, const std::string& uuid);

}  // namespace lw::ui
