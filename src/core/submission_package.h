// submission_package.h — the 报送包: what a unit hands in for one deadline of a notice, as one .zip
// named <单位>_<材料>_<日期>.zip: the JSON bundle (what the coordinator's LearnWeek reads), each
// form as a Word file (what the level above often asks for), each photo named NN_<说明>.jpg from its
// caption (Jilin: "对每张图片以活动简介方式进行文件命名"), and a 报送清单 (.docx and .csv) listing
// every file with its SHA-256, so the receiver can see nothing was lost or changed on the way.
#pragma once
#include <functional>
#include <set>
#include <string>
#include <vector>

#include "aggregate.h"
#include "form_def.h"
#include "record.h"
#include "region.h"

namespace lw {

struct SubmissionFile {
  std::string name, bytes;
  std::string note;  // 说明 in the 报送清单 ("百姓学习之星推荐表 · 张喆")
};

struct SubmissionPhoto {
  std::string caption, mime, bytes, owner;  // owner: the record it belongs to, for the 报送清单
};

// The photos as files NN_<说明>.<ext> in the order given (01_, 02_, …), captions made safe for
// Windows and macOS, names unique among `used` (which they are added to).
std::vector<SubmissionFile> NamePhotos(const std::vector<SubmissionPhoto>& photos, std::set<std::string>& used);

// Each record as its Word file (<单位>_<表名>_<姓名>.docx), then every photo the records hold, named
// from its caption; photo(sha256) gives a photo's bytes ("" when missing: left out).
std::vector<SubmissionFile> DocumentsAndPhotos(const std::vector<const Record*>& records, const FormLibrary& forms,
                                               const RegionDb& regions, const std::string& unit,
                                               const std::string& date,
                                               const std::function<std::string(const std::string&)>& photo,
                                               std::set<std::string>& used);

// 包头市教育局_百姓学习之星、终身学习品牌项目_2026-03-06.zip
std::string SubmissionZipName(const std::string& unit, const std::string& material, const std::string& date);
// What the zip name calls the materials: one title, two or three joined with 、, more as
// "<first>等N项"; quotes and book-title marks dropped (file names read better without them).
std::string MaterialLabel(const std::vector<std::string>& titles);

constexpr const char* kManifestName = "报送清单";
// 序号, 文件名, 说明, 大小, SHA-256 of every file.
SummaryTable ManifestTable(const std::vector<SubmissionFile>& files, const std::string& title);

// The archive: the files, then 报送清单.docx and 报送清单.csv; dated `date` (YYYY-MM-DD) so the
// files unpack with the day they were handed in.
std::string BuildSubmissionZip(const std::vector<SubmissionFile>& files, const std::string& unit,
                               const std::string& material, const std::string& date);

// A coordinator's side: the bundle inside a 报送包 (the one .json that is a LearnWeek bundle),
// checked against the 报送清单's SHA-256 when the package has one.
struct UnpackedSubmission {
  std::string bundle_name, bundle;
  std::string error;  // Chinese; empty when a bundle was found and matches its list
};
UnpackedSubmission BundleFromSubmission(const std::string& zip_bytes);

}  // namespace lw
