// migrate.h — brings a draft made with an older form definition up to the current version,
// field by field, and records what changed so the user can be told (nothing is silently lost).
#pragma once
#include "form_def.h"
#include "record.h"

namespace lw {

// Returns true when the record changed. Afterwards record.form_version == form.version and
// record.migrated describes the steps: {"from", "to", "notes": [...], "renamed": {old: new},
// "removed": {field: value}, "unknown": {field: value}} (values kept aside, never dropped).
bool MigrateRecord(const FormDef& form, Record& record);

}  // namespace lw
