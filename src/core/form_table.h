// form_table.h — a summary table for a form the app was not built with (one a campaign package
// brings): its records listed field by field, so a coordinator reads what came back up without a
// table written for that form. A form with one table field (活动明细) lists that table's rows, each
// with its record's other fields; numbers get a 合计 row.
#pragma once
#include <vector>

#include "aggregate.h"
#include "form_def.h"

namespace lw {

SummaryTable FormSummaryTable(const FormDef& form, const std::vector<SourceRecord>& records, const RegionDb& regions);

// One table per form of a campaign package in `library` (shipped forms have their own tables).
std::vector<SummaryTable> PackageFormTables(const FormLibrary& library, const std::vector<SourceRecord>& records,
                                            const RegionDb& regions);

}  // namespace lw
