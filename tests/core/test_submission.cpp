// test_submission.cpp — the 报送包: file names people can open on Windows and macOS, every form as
// Word, photos named from their captions, the 报送清单 with each file's SHA-256, read back by the
// core's and Info-ZIP's unzippers; and the coordinator's side finding the bundle and noticing a
// changed file.
#include <catch2/catch.hpp>
#include <cstdlib>
#include <fstream>

#include "csv.h"
#include "file_name.h"
#include "sha256.h"
#include "shipped_forms.h"
#include "submission_package.h"
#include "temp_dir.h"
#include "text_file.h"
#include "zip_read.h"
#include "zip_reader.h"
#include "zip_writer.h"

using namespace lw;
using nlohmann::json;

namespace {

const std::string kBundle = "{\"format\":\"learnweek-bundle\",\"records\":[]}\n";

std::vector<SubmissionFile> Sample() {
  std::set<std::string> used;
  std::vector<SubmissionFile> files{{"学习周_包头市教育局_2026-03-06.json", kBundle, "数据包"}};
  for (SubmissionFile& p :
       NamePhotos({{"开幕式：社区书法课", "image/jpeg", "jpegbytes", ""}, {"", "image/png", "pngbytes", ""}}, used))
    files.push_back(std::move(p));
  return files;
}

}  // namespace

TEST_CASE("submission: file names are safe on Windows and macOS, unique, numbered", "[submission]") {
  CHECK(SafeFileName("CON", "txt", "x") == "_CON.txt");
  CHECK(SafeFileName("..隐藏. ", "jpg", "照片") == "隐藏.jpg");
  CHECK(SafeFileName("a/b\\c:d*e?f\"g<h>i|j", "", "x") == "a_b_c_d_e_f_g_h_i_j");
  CHECK(SafeFileName("   ", "jpg", "01_照片") == "01_照片.jpg");
  CHECK(SafeFileName(std::string(30, 'x') + std::string("长") + std::string(40, 'y'), "jpg", "x", 31) ==
        std::string(30, 'x') + "长.jpg");
  std::set<std::string> used;
  CHECK(UniqueFileName("张喆.docx", used) == "张喆.docx");
  CHECK(UniqueFileName("张喆.docx", used) == "张喆 (2).docx");
  CHECK(UniqueFileName("ABC.docx", used) == "ABC.docx");
  CHECK(UniqueFileName("abc.DOCX", used) == "abc (2).DOCX");  // Windows sees one name

  used.clear();
  const auto photos = NamePhotos({{"开幕式：社区书法课", "image/jpeg", "a", "活动照片"},
                                  {"", "image/png", "b", ""},
                                  {"结业典礼。。. ", "image/webp", "c", ""}},
                                 used);
  REQUIRE(photos.size() == 3);
  CHECK(photos[0].name == "01_开幕式：社区书法课.jpg");  // a full-width colon is allowed everywhere
  CHECK(photos[0].note == "照片：开幕式：社区书法课 · 活动照片");
  CHECK(photos[1].name == "02_照片.png");
  CHECK(photos[2].name == "03_结业典礼。。.webp");
  CHECK(MaterialLabel({"“百姓学习之星”", "《举办单位总结表》（附件6）"}) == "百姓学习之星、举办单位总结表（附件6）");
  CHECK(MaterialLabel({"a", "b", "c", "d"}) == "a等4项");
  CHECK(SubmissionZipName("包头市教育局", "百姓学习之星", "2026-03-06") == "包头市教育局_百姓学习之星_2026-03-06.zip");
  CHECK(SubmissionZipName("", "材料", "2026-03-06") == "未填单位_材料_2026-03-06.zip");
}

TEST_CASE("submission: the zip holds every file and a 报送清单 with their SHA-256", "[submission]") {
  const auto files = Sample();
  const std::string zip = BuildSubmissionZip(files, "包头市教育局", "百姓学习之星", "2026-03-06");
  const auto parts = test::ReadStoredZip(zip);
  REQUIRE(parts.size() == files.size() + 2);
  for (const SubmissionFile& f : files) CHECK(parts.at(f.name) == f.bytes);
  const auto rows = ParseCsv(parts.at("报送清单.csv").substr(3));  // after the BOM
  REQUIRE(rows);
  REQUIRE(rows->size() == files.size() + 1);
  CHECK((*rows)[0] == std::vector<std::string>{"序号", "文件名", "说明", "大小", "SHA-256"});
  for (size_t i = 0; i < files.size(); ++i) {
    CHECK((*rows)[i + 1][1] == files[i].name);
    CHECK((*rows)[i + 1][4] == Sha256Hex(files[i].bytes));
  }
  const auto docx = test::ReadStoredZip(parts.at("报送清单.docx"));
  REQUIRE(docx.count("word/document.xml"));
  CHECK(docx.at("word/document.xml").find(Sha256Hex(kBundle)) != std::string::npos);
  CHECK(docx.at("word/document.xml").find("报送清单（百姓学习之星）") != std::string::npos);
  // Dated the day it is handed in (DOS date in the local header: 2026-03-06).
  CHECK(static_cast<unsigned char>(zip[12]) == (((2026 - 1980) << 9 | 3 << 5 | 6) & 0xFF));
}

TEST_CASE("submission: every form as Word and every photo of the records", "[submission]") {
  Record star;
  star.uuid = "3f2a9c1e-0000-4000-8000-000000000001";
  star.form = "star_nomination";
  star.values = {{"name", "张喆"}};
  Record twin = star;  // a second nominee of the same name: a second file, not an overwritten one
  twin.uuid = "3f2a9c1e-0000-4000-8000-000000000002";
  Record photos;
  photos.uuid = "3f2a9c1e-0000-4000-8000-000000000003";
  photos.form = "activity_photos";
  photos.values = {{"photos", json::array({{{"sha256", "aa"}, {"mime", "image/jpeg"}, {"caption", "社区书法课"}},
                                           {{"sha256", "gone"}, {"mime", "image/jpeg"}, {"caption", "丢失"}}})}};
  std::set<std::string> used;
  RegionDb regions;
  const auto files = DocumentsAndPhotos(
      {&star, &twin, &photos}, test::Forms(), regions, "包头市教育局", "2026-03-06",
      [](const std::string& sha) { return sha == "aa" ? std::string("\xFF\xD8\xFF jpeg", 8) : std::string(); }, used);
  REQUIRE(files.size() == 4);
  CHECK(files[0].name == "包头市教育局_百姓学习之星_张喆.docx");
  CHECK(files[1].name == "包头市教育局_百姓学习之星_张喆 (2).docx");
  CHECK(files[0].note.find("张喆") != std::string::npos);
  CHECK(test::ReadStoredZip(files[0].bytes).count("word/document.xml") == 1);
  CHECK(files[2].name.rfind("包头市教育局_", 0) == 0);
  CHECK(files[3].name == "01_社区书法课.jpg");  // the missing photo is left out, not an empty file
}

TEST_CASE("submission: the coordinator finds the bundle and notices a changed one", "[submission]") {
  auto files = Sample();
  const std::string zip = BuildSubmissionZip(files, "包头市教育局", "百姓学习之星", "2026-03-06");
  const UnpackedSubmission ok = BundleFromSubmission(zip);
  CHECK(ok.error.empty());
  CHECK(ok.bundle_name == files[0].name);
  CHECK(ok.bundle == kBundle);

  // The bundle edited after the list was made (same length, so only the hash can tell).
  ZipWriter changed;
  for (const auto& [name, bytes] : test::ReadStoredZip(zip))
    changed.Add(name, name == files[0].name ? std::string(kBundle).replace(1, 1, " ") : bytes);
  CHECK(BundleFromSubmission(changed.Finish()).error ==
        "「学习周_包头市教育局_2026-03-06.json」与报送清单记录的校验值不符，文件可能被改动过");

  ZipWriter none;
  none.Add("说明.txt", "x");
  CHECK(BundleFromSubmission(none.Finish()).error == "压缩包里没有 LearnWeek 数据包（.json），无法导入");
  ZipWriter two;
  two.Add("a.json", kBundle);
  two.Add("b.json", kBundle);
  CHECK(BundleFromSubmission(two.Finish()).error == "压缩包里有 2 个数据包，请分别导入");
  CHECK(BundleFromSubmission("not a zip").error == "不是有效的压缩包（找不到目录）");
}

#ifndef __EMSCRIPTEN__  // node's sandbox runs no programs
TEST_CASE("submission: Info-ZIP reads the 报送包, and a package re-zipped with compression still imports",
          "[submission]") {
  REQUIRE(std::system("command -v unzip >/dev/null 2>&1 && command -v zip >/dev/null 2>&1") == 0);
  const std::string zip = BuildSubmissionZip(Sample(), "包头市教育局", "百姓学习之星", "2026-03-06");
  CHECK(test::UnzipAccepts(zip, "报送包.zip"));
  test::TempDir dir;
  std::ofstream((dir.path / "in.zip").string(), std::ios::binary) << zip;
  const std::string d = dir.path.string();
  REQUIRE(std::system(
              ("cd '" + d + "' && mkdir x && cd x && unzip -qq ../in.zip && zip -qr -9 ../again.zip .").c_str()) == 0);
  const UnpackedSubmission again = BundleFromSubmission(ReadTextFile(dir.path / "again.zip"));
  CHECK(again.error.empty());
  CHECK(again.bundle == kBundle);
}
#endif
