// shipped_forms.h — the form definitions the app ships (assets/forms), loaded once for the tests.
#pragma once
#include <string>

#include "form_def.h"

namespace lw::test {

inline const FormLibrary& Forms() {
  static const FormLibrary lib = LoadFormLibrary(std::string(LW_SOURCE_DIR) + "/assets/forms");
  return lib;
}

}  // namespace lw::test
