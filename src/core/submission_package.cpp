// submission_package.cpp — see submission_package.h.
#include "submission_package.h"

#include <map>

#include "csv.h"
#include "docx.h"
#include "file_name.h"
#include "file_size.h"
#include "sha256.h"
#include "text_decode.h"
#include "zip_reader.h"
#include "zip_writer.h"

namespace lw {

namespace {

std::string ExtensionOf(const std::string& mime) {
  if (mime == "image/png") return "png";
  if (mime == "image/webp") return "webp";
  if (mime == "image/gif") return "gif";
  return "jpg";
}

std::string TwoDigits(size_t n) { return (n < 10 ? "0" : "") + std::to_string(n); }

// Quotes and book-title marks read badly in a file name: “百姓学习之星” → 百姓学习之星.
std::string WithoutQuotes(const std::string& s) {
  std::string out = s;
  for (const char* q : {"“", "”", "《", "》", "\"", "「", "」"})
    for (size_t at; (at = out.find(q)) != std::string::npos;) out.erase(at, std::char_traits<char>::length(q));
  return out;
}

}  // namespace

std::vector<SubmissionFile> NamePhotos(const std::vector<SubmissionPhoto>& photos, std::set<std::string>& used) {
  std::vector<SubmissionFile> out;
  for (size_t i = 0; i < photos.size(); ++i) {
    const SubmissionPhoto& p = photos[i];
    const std::string caption = SafeFileName(p.caption, "", "照片");
    const std::string name = SafeFileName(TwoDigits(i + 1) + "_" + caption, ExtensionOf(p.mime), "照片");
    out.push_back(
        {UniqueFileName(name, used), p.bytes,
         "照片：" + (p.caption.empty() ? "（无说明）" : p.caption) + (p.owner.empty() ? "" : " · " + p.owner)});
  }
  return out;
}

std::vector<SubmissionFile> DocumentsAndPhotos(const std::vector<const Record*>& records, const FormLibrary& forms,
                                               const RegionDb& regions, const std::string& unit,
                                               const std::string& date,
                                               const std::function<std::string(const std::string&)>& photo,
                                               std::set<std::string>& used) {
  std::vector<SubmissionFile> out;
  std::vector<SubmissionPhoto> photos;
  for (const Record* r : records) {
    const FormDef* f = forms.Find(r->form);
    if (!f || f->kind == "profile") continue;
    std::string who = StringAt(r->values, "name");
    if (who.empty()) who = StringAt(r->values, "title");
    const std::string note = f->title + (who.empty() ? "" : " · " + who);
    out.push_back({UniqueFileName(DocxFileName(*f, *r, unit), used), ToDocx(*f, *r, regions, unit, date, photo), note});
    for (const FieldDef* field : f->AllFields()) {
      if (field->type != FieldType::Photos) continue;
      const nlohmann::json v = r->values.value(field->id, nlohmann::json());
      for (const nlohmann::json& p : v.is_array() ? v : nlohmann::json::array()) {
        std::string bytes = photo(StringAt(p, "sha256"));
        if (!bytes.empty()) photos.push_back({StringAt(p, "caption"), StringAt(p, "mime"), std::move(bytes), note});
      }
    }
  }
  for (SubmissionFile& p : NamePhotos(photos, used)) out.push_back(std::move(p));
  return out;
}

std::string MaterialLabel(const std::vector<std::string>& titles) {
  if (titles.empty()) return "材料";
  if (titles.size() > 3) return WithoutQuotes(titles[0]) + "等" + std::to_string(titles.size()) + "项";
  std::string s;
  for (const std::string& t : titles) s += (s.empty() ? "" : "、") + WithoutQuotes(t);
  return s;
}

std::string SubmissionZipName(const std::string& unit, const std::string& material, const std::string& date) {
  return SafeFileName((unit.empty() ? "未填单位" : unit) + "_" + material + "_" + date, "zip", "报送包", 120);
}

SummaryTable ManifestTable(const std::vector<SubmissionFile>& files, const std::string& title) {
  SummaryTable t;
  t.id = "manifest";
  t.title = title;
  t.note = "每个文件的 SHA-256 校验值可用于核对文件在传送中没有缺失或改动。";
  t.headers = {"序号", "文件名", "说明", "大小", "SHA-256"};
  for (const SubmissionFile& f : files)
    t.rows.push_back({NumberCell(static_cast<double>(t.rows.size() + 1)), TextCell(f.name), TextCell(f.note),
                      TextCell(HumanSize(static_cast<double>(f.bytes.size()))), TextCell(Sha256Hex(f.bytes))});
  return t;
}

std::string BuildSubmissionZip(const std::vector<SubmissionFile>& files, const std::string& unit,
                               const std::string& material, const std::string& date) {
  ZipWriter zip;
  if (const auto d = ParseDate(date)) zip.SetDate(d->year, d->month, d->day);
  for (const SubmissionFile& f : files) zip.Add(f.name, f.bytes);
  const SummaryTable list = ManifestTable(files, std::string(kManifestName) + "（" + material + "）");
  zip.Add(std::string(kManifestName) + ".docx", TableDocx(list, unit, date));
  zip.Add(std::string(kManifestName) + ".csv", ToCsv(list));
  return zip.Finish();
}

namespace {

// 文件名 → SHA-256 from the 报送清单.csv (GBK if someone re-saved it in WPS); empty without one.
std::map<std::string, std::string> ListedHashes(const std::vector<ZipEntry>& entries) {
  std::map<std::string, std::string> out;
  for (const ZipEntry& e : entries) {
    if (e.name != std::string(kManifestName) + ".csv") continue;
    const auto text = DecodeOfficeText(e.data);
    const auto rows = text ? ParseCsv(*text) : std::nullopt;
    if (!rows) return out;
    for (const auto& r : *rows)
      if (r.size() >= 5 && r[4].size() == 64) out[r[1]] = r[4];
  }
  return out;
}

bool IsBundle(const ZipEntry& e) {
  return e.name.size() > 5 && e.name.compare(e.name.size() - 5, 5, ".json") == 0 &&
         e.data.find("\"learnweek-bundle\"") != std::string::npos;
}

}  // namespace

UnpackedSubmission BundleFromSubmission(const std::string& zip_bytes) {
  ZipReadResult zip = ReadZip(zip_bytes);
  if (!zip.error.empty()) return {"", "", zip.error};
  UnpackedSubmission out;
  int bundles = 0;
  for (ZipEntry& e : zip.entries)
    if (IsBundle(e) && ++bundles == 1) {
      out.bundle_name = e.name;
      out.bundle = e.data;
    }
  if (bundles == 0) return {"", "", "压缩包里没有 LearnWeek 数据包（.json），无法导入"};
  if (bundles > 1) return {"", "", "压缩包里有 " + std::to_string(bundles) + " 个数据包，请分别导入"};
  const auto listed = ListedHashes(zip.entries);
  const auto it = listed.find(out.bundle_name);
  if (it != listed.end() && it->second != Sha256Hex(out.bundle))
    return {"", "", "「" + out.bundle_name + "」与报送清单记录的校验值不符，文件可能被改动过"};
  return out;
}

}  // namespace lw
