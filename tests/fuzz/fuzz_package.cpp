// fuzz_package.cpp — libFuzzer target for what coordinators hand down and upload: campaign
// packages (ParsePackage) and form sheets (CSV or .xlsx). Whatever the bytes, each must return
// (accept, or refuse with a reason) without crashing, hanging or leaking; an accepted package
// must write back to bytes that read again, install, merge and diff.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "form_sheet.h"
#include "package_library.h"

namespace {
const lw::FormLibrary& Forms() {
  static const lw::FormLibrary lib = lw::LoadFormLibrary(LW_SOURCE_DIR "/assets/forms");
  return lib;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  const lw::PackageRead r = lw::ParsePackage(bytes, Forms());
  if (r.package) {
    const lw::PackageWrite w = lw::WritePackage(*r.package, Forms());
    if (w.bytes.empty()) std::abort();  // what we accept, we must be able to write and read back
    lw::PackageLibrary lib;
    lib.Install(*r.package, Forms());
    lw::MergeForms(Forms(), lib);
    lw::MergeCampaigns(lw::CampaignLibrary{}, lib);
    for (const lw::FormDef& f : r.package->forms) lw::DiffForms(&f, &f);
  } else if (r.errors.empty()) {
    std::abort();  // a refusal always says why
  }
  lw::SheetFormInfo info;
  info.id = "fuzz";
  info.title = "模糊测试";
  info.follows = "x";
  const lw::SheetRead sheet = lw::FormFromSpreadsheet(bytes, info);
  if (!sheet.form && sheet.errors.empty()) std::abort();
  return 0;
}
