// test_docx.cpp — forms as Word documents: the parts Word needs, consistent content types and
// relationships, well-formed XML, hostile text kept as text, the seal line where the paper form
// has one, photos as real pictures at their aspect ratio, and a file name a clerk recognises.
#include <catch2/catch.hpp>
#include <cstdlib>
#include <fstream>
#include <regex>

#include "docx.h"
#include "image_size.h"
#include "print_html.h"
#include "shipped_forms.h"
#include "temp_dir.h"
#include "xml_check.h"
#include "zip_read.h"

using namespace lw;
using nlohmann::json;

namespace {

const RegionDb& Regions() {
  static const RegionDb db = [] {
    RegionDb r;
    r.LoadJson(R"({"regions": [["150000", "内蒙古自治区"], ["150200", "包头市"], ["150203", "昆都仑区"]]})");
    return r;
  }();
  return db;
}

// A PNG's signature and IHDR: enough for the size to be read (the picture itself is not drawn here).
std::string PngHeader(uint32_t w, uint32_t h) {
  std::string b("\x89PNG\r\n\x1A\n\0\0\0\x0DIHDR", 16);
  for (uint32_t v : {w, h})
    for (int s = 24; s >= 0; s -= 8) b += static_cast<char>((v >> s) & 0xFF);
  return b + std::string("\x08\x02\0\0\0", 5);
}

Record Star() {
  Record r;
  r.uuid = "3f2a9c1e-0000-4000-8000-000000000001";
  r.form = "star_nomination";
  r.created = r.updated = "2026-11-23T02:00:00Z";
  r.values = {{"name", "张喆<script>&"},
              {"gender", "女"},
              {"birth", "1955-07"},
              {"region", "150203"},
              {"deeds", "第一段事迹。\n第二段事迹。"},
              {"opinion", "情况属实，同意推荐。"},
              {"portrait", json::array({{{"sha256", "aa"}, {"mime", "image/png"}, {"caption", "本人近照"}}})}};
  return r;
}

std::map<std::string, std::string> Parts(const FormDef& f, const Record& r, const std::string& unit = "包头市教育局") {
  const std::string docx = ToDocx(f, r, Regions(), unit, "2026-11-23", [](const std::string& sha) {
    return sha == "aa" ? PngHeader(300, 400) : std::string();
  });
  return test::ReadStoredZip(docx);
}

size_t Count(const std::string& s, const std::string& what) {
  size_t n = 0;
  for (size_t at = s.find(what); at != std::string::npos; at = s.find(what, at + what.size())) ++n;
  return n;
}

std::vector<std::string> AttrValues(const std::string& xml, const std::string& attr) {
  std::vector<std::string> out;
  const std::regex re(attr + "=\"([^\"]*)\"");
  for (auto it = std::sregex_iterator(xml.begin(), xml.end(), re); it != std::sregex_iterator(); ++it)
    out.push_back((*it)[1]);
  return out;
}

}  // namespace

TEST_CASE("docx: every part present, each XML part well formed", "[docx]") {
  const auto parts = Parts(*test::Forms().Find("star_nomination"), Star());
  for (const char* name :
       {"[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/styles.xml", "word/_rels/document.xml.rels",
        "docProps/core.xml", "docProps/app.xml", "word/media/image1.png"})
    CHECK(parts.count(name) == 1);
  for (const auto& [name, bytes] : parts)
    if (name.find("media/") == std::string::npos) {
      INFO(name);
      CHECK(test::XmlProblem(bytes) == "");
    }
}

TEST_CASE("docx: every relationship points at a part that exists, every part has a content type", "[docx]") {
  const auto parts = Parts(*test::Forms().Find("star_nomination"), Star());
  const std::string& doc = parts.at("word/document.xml");
  const std::string& rels = parts.at("word/_rels/document.xml.rels");
  const auto ids = AttrValues(rels, "Id"), targets = AttrValues(rels, "Target");
  REQUIRE(ids.size() == targets.size());
  for (size_t i = 0; i < targets.size(); ++i) CHECK(parts.count("word/" + targets[i]) == 1);
  for (const char* attr : {"r:embed", "r:id"})
    for (const std::string& id : AttrValues(doc, attr)) CHECK(std::find(ids.begin(), ids.end(), id) != ids.end());
  CHECK(AttrValues(doc, "r:embed").size() == 1);
  for (const std::string& t : AttrValues(parts.at("_rels/.rels"), "Target")) CHECK(parts.count(t) == 1);

  const std::string& types = parts.at("[Content_Types].xml");
  for (const std::string& p : AttrValues(types, "PartName")) CHECK(parts.count(p.substr(1)) == 1);
  for (const auto& [name, bytes] : parts) {
    const std::string ext = name.substr(name.rfind('.') + 1);
    INFO(name);
    CHECK((types.find("PartName=\"/" + name + "\"") != std::string::npos ||
           types.find("Extension=\"" + ext + "\"") != std::string::npos));
  }
}

TEST_CASE("docx: hostile text is escaped and stays text", "[docx]") {
  const auto parts = Parts(*test::Forms().Find("star_nomination"), Star(), "A&B <单位>");
  const std::string& doc = parts.at("word/document.xml");
  CHECK(doc.find("张喆&lt;script&gt;&amp;") != std::string::npos);
  CHECK(doc.find("<script>") == std::string::npos);
  CHECK(doc.find("填报单位：A&amp;B &lt;单位&gt;") != std::string::npos);
  CHECK(parts.at("docProps/core.xml").find("<dc:creator>A&amp;B &lt;单位&gt;</dc:creator>") != std::string::npos);
}

TEST_CASE("docx: the title, date, values as a reader sees them, paragraphs per line", "[docx]") {
  const std::string doc = Parts(*test::Forms().Find("star_nomination"), Star()).at("word/document.xml");
  CHECK(doc.find(">“百姓学习之星”推荐表<") != std::string::npos);
  CHECK(doc.find("填报日期：2026年11月23日") != std::string::npos);
  CHECK(doc.find(">1955年7月<") != std::string::npos);
  CHECK(doc.find(">内蒙古自治区 / 包头市 / 昆都仑区<") != std::string::npos);
  CHECK(doc.find(">第一段事迹。</w:t></w:r></w:p><w:p>") != std::string::npos);  // one paragraph per line
  CHECK(doc.find("w:orient=\"landscape\"") == std::string::npos);
  CHECK(doc.find("<w:pgSz w:w=\"11906\" w:h=\"16838\"/>") != std::string::npos);  // A4 portrait
}

TEST_CASE("docx: Chinese fonts and language named for Word and WPS", "[docx]") {
  const auto parts = Parts(*test::Forms().Find("star_nomination"), Star());
  CHECK(parts.at("word/styles.xml").find("w:eastAsia=\"宋体\"") != std::string::npos);
  CHECK(parts.at("word/styles.xml").find("w:eastAsia=\"zh-CN\"") != std::string::npos);
  CHECK(parts.at("word/document.xml").find("w:eastAsia=\"黑体\"") != std::string::npos);  // the title
}

TEST_CASE("docx: the seal line goes exactly where the print view puts it, on every shipped form", "[docx]") {
  for (const FormDef& f : test::Forms().forms) {
    Record r;
    r.form = f.id;
    size_t seals = 0;
    for (const FieldDef* field : f.AllFields()) seals += HasSealLine(*field);
    const std::string doc = Parts(f, r).at("word/document.xml");
    INFO(f.id);
    CHECK(Count(doc, "（盖章）") == seals);
    CHECK(Count(PrintHtml(f, r, Regions(), "", "2026-11-23", [](const std::string&) { return std::string(); }),
                "（盖章）") == seals);
    CHECK(test::XmlProblem(doc) == "");
  }
  CHECK(Count(Parts(*test::Forms().Find("star_nomination"), Star()).at("word/document.xml"), "（盖章）") == 1);
  CHECK(Count(Parts(*test::Forms().Find("work_summary"), Record{}).at("word/document.xml"), "（盖章）") == 0);
}

TEST_CASE("docx: a photo is an inline picture at its aspect ratio, no larger than 60 mm", "[docx]") {
  const auto parts = Parts(*test::Forms().Find("star_nomination"), Star());
  const std::string& doc = parts.at("word/document.xml");
  const std::regex extent("<wp:extent cx=\"(\\d+)\" cy=\"(\\d+)\"/>");
  std::smatch m;
  REQUIRE(std::regex_search(doc, m, extent));
  const long long cx = std::stoll(m[1]), cy = std::stoll(m[2]);
  CHECK(cy == 60 * 36000);                 // 300×400: the height is the limit
  CHECK(std::llabs(cx * 4 - cy * 3) < 8);  // aspect kept
  CHECK(doc.find(">本人近照<") != std::string::npos);
  CHECK(parts.at("word/_rels/document.xml.rels").find("Target=\"media/image1.png\"") != std::string::npos);

  Record missing = Star();
  missing.values["portrait"][0]["sha256"] = "bb";  // bytes not in the workspace: the caption says so
  const auto without = Parts(*test::Forms().Find("star_nomination"), missing);
  CHECK(without.count("word/media/image1.png") == 0);
  CHECK(without.at("word/document.xml").find("（照片：本人近照，请另附）") != std::string::npos);
}

TEST_CASE("docx: table fields are real tables with a repeating header row; wide ones print landscape", "[docx]") {
  const FormDef& demo = *test::Forms().Find("demo_activity_summary");
  Record r;
  r.form = demo.id;
  const FieldDef* table = nullptr;
  for (const FieldDef* f : demo.AllFields())
    if (f->type == FieldType::Table) table = f;
  REQUIRE(table);
  r.values[table->id] = json::array({{{table->columns[0].id, "草原读书会"}}});
  const std::string doc = Parts(demo, r).at("word/document.xml");
  CHECK(doc.find("<w:tblHeader/>") != std::string::npos);
  CHECK(doc.find(">序号<") != std::string::npos);
  CHECK(doc.find(">" + table->columns[0].label + "<") != std::string::npos);
  CHECK(doc.find(">草原读书会<") != std::string::npos);
  CHECK(doc.find("</w:tbl><w:tbl>") == std::string::npos);         // Word would join adjacent tables
  CHECK(doc.find("w:orient=\"landscape\"") != std::string::npos);  // 序号 + 6 columns: landscape, as on paper
  CHECK(Parts(*test::Forms().Find("contacts"), Record{}).at("word/document.xml").find("w:orient") == std::string::npos);

  FormDef wide;
  wide.id = "wide";
  wide.title = wide.short_title = "宽表";
  FieldDef t;
  t.id = "rows";
  t.label = "明细";
  t.type = FieldType::Table;
  for (int i = 0; i < 9; ++i)
    t.columns.push_back(FieldDef{.id = "c" + std::to_string(i), .label = "列" + std::to_string(i)});
  wide.sections.push_back({"", "", {t}});
  const std::string landscape = Parts(wide, Record{}).at("word/document.xml");
  CHECK(landscape.find("<w:pgSz w:w=\"16838\" w:h=\"11906\" w:orient=\"landscape\"/>") != std::string::npos);
}

TEST_CASE("docx: pixel sizes from JPEG, PNG and GIF headers; anything else is refused", "[docx]") {
  CHECK(ImagePixelSize(PngHeader(640, 480))->width == 640);
  CHECK(ImagePixelSize(PngHeader(640, 480))->height == 480);
  // SOI, an APP0 segment of 16 bytes, then SOF0 with height 300 and width 200.
  std::string jpeg("\xFF\xD8\xFF\xE0\x00\x10JFIF\0\x01\x01\0\0\x01\0\x01\0\0\xFF\xC0\x00\x11\x08\x01\x2C\x00\xC8\x03",
                   31);
  jpeg += std::string(16, '\0');
  REQUIRE(ImagePixelSize(jpeg));
  CHECK(ImagePixelSize(jpeg)->width == 200);
  CHECK(ImagePixelSize(jpeg)->height == 300);
  CHECK(ImageExtension(jpeg) == "jpeg");
  CHECK(ImagePixelSize(std::string("GIF89a\x0A\x00\x05\x00", 10))->width == 10);
  CHECK_FALSE(ImagePixelSize("RIFF\0\0\0\0WEBPVP8 "));
  CHECK_FALSE(ImagePixelSize(jpeg.substr(0, 12)));  // truncated before the frame header
  CHECK_FALSE(ImagePixelSize(PngHeader(0, 10)));
  CHECK_FALSE(ImagePixelSize(""));
}

TEST_CASE("docx: file names carry unit, form and nominee, safe for every file system", "[docx]") {
  const FormDef& star = *test::Forms().Find("star_nomination");
  Record r = Star();
  r.values["name"] = "张喆";
  CHECK(DocxFileName(star, r, "包头市教育局") == "包头市教育局_百姓学习之星_张喆.docx");
  CHECK(DocxFileName(star, r, "教育局/社区:学院") == "教育局_社区_学院_百姓学习之星_张喆.docx");
  CHECK(DocxFileName(star, Record{}, "") == "未填单位_百姓学习之星.docx");
}

#ifndef __EMSCRIPTEN__  // node's sandbox runs no programs; the native run checks with a real unzipper
TEST_CASE("docx: unzip -t accepts the document", "[docx]") {
  REQUIRE(std::system("command -v unzip >/dev/null 2>&1") == 0);  // tools/setup installs it
  CHECK(test::UnzipAccepts(ToDocx(*test::Forms().Find("star_nomination"), Star(), Regions(), "包头市教育局",
                                  "2026-11-23", [](const std::string&) { return PngHeader(300, 400); }),
                           "star.docx"));
}
#endif
