// test_zip_reader.cpp — the ZIP reader behind 报送包 import and spreadsheets: our own archives,
// one written the way Python/Windows/WPS write them (DEFLATE, GBK names, folders), and hostile
// or broken archives refused with a Chinese reason.
#include <catch2/catch.hpp>
#include <fstream>

#include "inflate.h"
#include "temp_dir.h"
#include "text_decode.h"
#include "text_file.h"
#include "zip_reader.h"
#include "zip_writer.h"

using namespace lw;

namespace {
std::string Fixture() { return ReadTextFile(std::string(LW_SOURCE_DIR) + "/tests/core/fixtures/office_style.zip"); }
const ZipEntry* Find(const ZipReadResult& r, const std::string& name) {
  for (const ZipEntry& e : r.entries)
    if (e.name == name) return &e;
  return nullptr;
}
}  // namespace

TEST_CASE("zip reader: our own archives read back", "[zip]") {
  ZipWriter zip;
  zip.Add("学习周_包头市教育局.json", "{\"format\":\"learnweek-bundle\"}");
  zip.Add("01_开幕式.jpg", std::string("\xFF\xD8\xFF\0jpeg", 8));
  const std::string bytes = zip.Finish();
  CHECK(LooksLikeZip(bytes));
  const ZipReadResult r = ReadZip(bytes);
  REQUIRE(r.error.empty());
  REQUIRE(r.entries.size() == 2);
  CHECK(r.entries[0].name == "学习周_包头市教育局.json");
  CHECK(r.entries[1].data == std::string("\xFF\xD8\xFF\0jpeg", 8));
}

TEST_CASE("zip reader: DEFLATE (dynamic and fixed codes), stored, GBK names, folders", "[zip]") {
  const ZipReadResult r = ReadZip(Fixture());
  REQUIRE(r.error.empty());
  REQUIRE(r.entries.size() == 3);  // the folder entry is not a file
  const ZipEntry* list = Find(r, "报送清单.csv");
  REQUIRE(list);
  CHECK(list->data.size() == 1500);  // the reader checked its CRC-32 too
  CHECK(list->data.rfind("{", 0) == 0);
  const ZipEntry* small = Find(r, "a.txt");
  REQUIRE(small);
  CHECK(small->data == "abcabcabcabc hello");
  const ZipEntry* photo = Find(r, "照片.jpg");  // GBK bytes, no UTF-8 flag
  REQUIRE(photo);
  CHECK(photo->data.size() == 256);
}

TEST_CASE("zip reader: broken and hostile archives are refused in Chinese", "[zip]") {
  const std::string good = Fixture();
  CHECK_FALSE(LooksLikeZip("{\"format\":1}"));
  CHECK(ReadZip("").error == "不是有效的压缩包（找不到目录）");
  CHECK(ReadZip(good.substr(0, good.size() / 2)).error == "不是有效的压缩包（找不到目录）");

  std::string flipped = good;
  flipped[80] = static_cast<char>(flipped[80] ^ 0x55);  // inside the first entry's compressed data
  CHECK(ReadZip(flipped).error.find("压缩包已损坏") == 0);

  ZipLimits small;
  small.max_entry_bytes = 1000;
  CHECK(ReadZip(good, small).error == "「报送清单.csv」解压后过大");
  small = {};
  small.max_entries = 2;
  CHECK(ReadZip(good, small).error == "压缩包里的文件太多");
  small = {};
  small.max_total_bytes = 1600;
  CHECK(ReadZip(good, small).error == "压缩包解压后过大");
}

TEST_CASE("inflate: a stream that would grow past its limit or is not DEFLATE is refused", "[zip]") {
  // A stored block "hello" (BFINAL, type 0, LEN 5, NLEN ~5).
  const std::string stored("\x01\x05\x00\xFA\xFFhello", 10);
  CHECK(Inflate(stored, 100) == "hello");
  CHECK_FALSE(Inflate(stored, 4));
  CHECK_FALSE(Inflate(std::string("\x01\x05\x00\x00\x00hello", 10), 100));  // NLEN wrong
  CHECK_FALSE(Inflate("\x07", 100));                                        // block type 3
  CHECK_FALSE(Inflate("", 100));
}

#ifndef __EMSCRIPTEN__  // node's sandbox runs no programs
TEST_CASE("zip reader: an archive made by Info-ZIP's zip -r reads back", "[zip]") {
  REQUIRE(std::system("command -v zip >/dev/null 2>&1") == 0);  // tools/setup installs it
  test::TempDir dir;
  const std::string text(20000, 'x');
  std::ofstream(dir.path / "说明.txt", std::ios::binary) << text << "百姓学习之星";
  std::filesystem::create_directory(dir.path / "照片");
  std::ofstream(dir.path / "照片" / "01_开幕式.jpg", std::ios::binary) << std::string(3000, '\x7F');
  REQUIRE(std::system(("cd '" + dir.path.string() + "' && zip -qr 包.zip 说明.txt 照片").c_str()) == 0);
  const ZipReadResult r = ReadZip(ReadTextFile(dir.path / "包.zip"));
  REQUIRE(r.error.empty());
  REQUIRE(r.entries.size() == 2);
  CHECK(Find(r, "说明.txt")->data == text + "百姓学习之星");
  CHECK(Find(r, "照片/01_开幕式.jpg")->data == std::string(3000, '\x7F'));
}
#endif

TEST_CASE("zip names: Chinese in GBK with the Unicode Path field beside it, UTF-8 only past GBK", "[zip]") {
  ZipWriter zip;
  zip.Add("报送清单.csv", "a");
  zip.Add("ascii.txt", "b");
  zip.Add("😀.txt", "c");  // no GBK code
  const std::string bytes = zip.Finish();
  CHECK(bytes.find(*EncodeGbk("报送清单.csv")) != std::string::npos);  // what old Windows Explorer shows
  CHECK(bytes.find("报送清单.csv") != std::string::npos);              // in the Unicode Path field
  const ZipReadResult r = ReadZip(bytes);
  REQUIRE(r.entries.size() == 3);
  CHECK(r.entries[0].name == "报送清单.csv");
  CHECK(r.entries[1].name == "ascii.txt");
  CHECK(r.entries[2].name == "😀.txt");
  CHECK(EncodeGbk("学习周 abc") == std::string("\xD1\xA7\xCF\xB0\xD6\xDC abc"));
  CHECK_FALSE(EncodeGbk("😀"));
}

TEST_CASE("zip reader: offsets near 4 GiB do not wrap past the bounds checks", "[zip]") {
  // Found by fuzz_package: a local header offset of 0xFFFFFFF0 made `offset + 30` wrap in 32 bits.
  ZipWriter zip;
  zip.Add("a.txt", "abc");
  const std::string good = zip.Finish();
  const size_t central = good.find("PK\x01\x02");
  REQUIRE(central != std::string::npos);
  std::string far = good;
  far.replace(central + 42, 4, "\xF0\xFF\xFF\xFF");
  CHECK(ReadZip(far).error == "压缩包已损坏（文件头不完整）");
  std::string dir = good;  // the central directory itself said to start there
  const size_t end = good.find("PK\x05\x06");
  dir.replace(end + 16, 4, "\xF0\xFF\xFF\xFF");
  CHECK(ReadZip(dir).error == "压缩包已损坏（目录不完整）");
}
