// docx.cpp — see docx.h. The part set Word, WPS and LibreOffice need and no more:
// [Content_Types].xml, _rels/.rels, word/document.xml (+ rels), word/styles.xml, word/media/*,
// docProps/core.xml and app.xml. Sizes are in twips (1/1440 in, 56.7 per mm) and, for pictures,
// EMU (36,000 per mm), as WordprocessingML counts them.
#include "docx.h"

#include <algorithm>
#include <map>
#include <vector>

#include "file_name.h"
#include "image_size.h"
#include "print_html.h"
#include "utf8.h"
#include "validate.h"
#include "xlsx.h"
#include "zip_writer.h"

namespace lw {

using nlohmann::json;

namespace {

// A4 with the margins of an official form (GB/T 9704: left 28 mm for binding, right 26 mm),
// 25 mm top and bottom so a one-page nomination stays on one page.
constexpr int kPageShort = 11906, kPageLong = 16838;
constexpr int kMarginTop = 1417, kMarginBottom = 1417, kMarginLeft = 1588, kMarginRight = 1474;
constexpr int kLabelWidth = 1928;  // 34 mm: 工作单位及职务 (7 hanzi at 12 pt) on one line
constexpr int kCellPadding = 108;  // Word's default left/right cell margin
constexpr long long kEmuPerTwip = 635;
constexpr long long kPhotoMaxEmu = 60 * 36000;                // 60 mm, as the print view's img rule
constexpr int kLongTextHeight = 3402, kOpinionHeight = 2381;  // 60 mm / 42 mm: room to write by hand

const char* kXmlHead = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
const char* kBody = "<w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" w:eastAsia=\"宋体\"/>";
const char* kHeading = "<w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" w:eastAsia=\"黑体\"/>";

std::string Attr(int v) { return "\"" + std::to_string(v) + "\""; }

// One paragraph per line of text (Word has no line breaks inside a w:t).
std::string Paragraphs(const std::string& text, const std::string& ppr = "", const std::string& rpr = "") {
  std::string x;
  size_t start = 0;
  do {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    x += "<w:p>" + (ppr.empty() ? "" : "<w:pPr>" + ppr + "</w:pPr>") + "<w:r>" +
         (rpr.empty() ? "" : "<w:rPr>" + rpr + "</w:rPr>") + "<w:t xml:space=\"preserve\">" + XmlEscape(line) +
         "</w:t></w:r></w:p>";
    start = end + 1;
  } while (start <= text.size());
  return x;
}

std::string Cell(int width, const std::string& content, const std::string& tcpr_tail = "") {
  return "<w:tc><w:tcPr><w:tcW w:w=" + Attr(width) + " w:type=\"dxa\"/>" + tcpr_tail + "</w:tcPr>" +
         (content.empty() ? "<w:p/>" : content) + "</w:tc>";
}

std::string TableStart(const std::vector<int>& widths) {
  int total = 0;
  for (int w : widths) total += w;
  std::string x =
      "<w:tbl><w:tblPr><w:tblW w:w=" + Attr(total) + " w:type=\"dxa\"/><w:jc w:val=\"center\"/><w:tblBorders>";
  for (const char* side : {"top", "left", "bottom", "right"})
    x += std::string("<w:") + side + " w:val=\"single\" w:sz=\"8\" w:space=\"0\" w:color=\"000000\"/>";
  for (const char* side : {"insideH", "insideV"})
    x += std::string("<w:") + side + " w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>";
  x += "</w:tblBorders><w:tblLayout w:type=\"fixed\"/><w:tblCellMar><w:top w:w=\"57\" w:type=\"dxa\"/><w:left w:w=" +
       Attr(kCellPadding) + " w:type=\"dxa\"/><w:bottom w:w=\"57\" w:type=\"dxa\"/><w:right w:w=" + Attr(kCellPadding) +
       " w:type=\"dxa\"/></w:tblCellMar></w:tblPr><w:tblGrid>";
  for (int w : widths) x += "<w:gridCol w:w=" + Attr(w) + "/>";
  return x + "</w:tblGrid>";
}

// min_height in twips (0: as tall as its text). A row is kept on one page unless it may run
// longer than a page (事迹 of 1,500 字), which must flow on.
std::string Row(const std::string& cells, int min_height = 0, bool header = false, bool may_split = false) {
  std::string pr = may_split ? "" : "<w:cantSplit/>";
  if (min_height) pr += "<w:trHeight w:val=" + Attr(min_height) + " w:hRule=\"atLeast\"/>";
  if (header) pr += "<w:tblHeader/>";  // repeated at the top of every page the table runs onto
  return "<w:tr><w:trPr>" + pr + "</w:trPr>" + cells + "</w:tr>";
}

const char* kCentred = "<w:jc w:val=\"center\"/>";
const char* kMiddle = "<w:vAlign w:val=\"center\"/>";

const char* kSmall = "<w:sz w:val=\"21\"/><w:szCs w:val=\"21\"/>";  // 五号 (10.5 pt): tables with many columns

// The first column fixed (序号, or a matrix's row labels); the others share the rest in proportion
// to their longest text, within bounds, so 活动地点 gets more room than 参与人次.
std::vector<int> ColumnWidths(int first, const std::vector<std::string>& headers,
                              const std::vector<std::vector<std::string>>& rows, int total) {
  if (headers.size() < 2) return {total};
  std::vector<size_t> want(headers.size(), 6);  // room for "15 KB" or 3 hanzi
  for (size_t i = 1; i < headers.size(); ++i) {
    want[i] = std::max(want[i], utf8::DisplayWidth(headers[i]));
    for (const auto& r : rows)
      if (i < r.size()) want[i] = std::max(want[i], utf8::DisplayWidth(r[i]));
    want[i] = std::min<size_t>(want[i], 30);
  }
  size_t sum = 0;
  for (size_t i = 1; i < want.size(); ++i) sum += want[i];
  std::vector<int> widths{first};
  int used = first;
  for (size_t i = 1; i < want.size(); ++i) {
    const int w = i + 1 == want.size() ? total - used : static_cast<int>((total - first) * want[i] / sum);
    widths.push_back(w);
    used += w;
  }
  return widths;
}

// Builds word/document.xml and collects the media it refers to.
class DocxBuilder {
 public:
  struct Media {
    std::string part, bytes;  // "media/image1.jpeg"
  };

  DocxBuilder(const RegionDb& regions, const std::function<std::string(const std::string&)>& photo, bool landscape)
      : regions_(regions),
        photo_(photo),
        landscape_(landscape),
        text_width_((landscape ? kPageLong : kPageShort) - kMarginLeft - kMarginRight) {}

  void Heading(const std::string& title, const std::string& unit, const std::string& date);
  void Field(const FieldDef& f, const json& v);
  // A table of its own under a caption ("" for none); first: the first column's width in twips.
  void DataTable(const std::string& caption, int first, const std::vector<std::string>& headers,
                 const std::vector<std::vector<std::string>>& rows, const std::vector<std::string>& totals = {});
  void Note(const std::string& text);
  std::string Document();
  const std::vector<Media>& media() const { return media_; }

 private:
  void OpenMain();
  void CloseMain();
  std::string ValueCell(const FieldDef& f, const json& v);
  std::string Photos(const json& v);
  std::string Picture(const std::string& bytes, const std::string& name);

  const RegionDb& regions_;
  const std::function<std::string(const std::string&)>& photo_;
  bool landscape_;
  int text_width_;
  bool main_open_ = false;
  std::string body_;
  std::vector<Media> media_;
  std::map<std::string, std::string> media_ids_;  // sha256 → relationship id: one part per photo
  int drawings_ = 0;
};

void DocxBuilder::Heading(const std::string& title, const std::string& unit, const std::string& date) {
  body_ += Paragraphs(title, "<w:spacing w:after=\"240\"/>" + std::string(kCentred),
                      std::string(kHeading) + "<w:sz w:val=\"36\"/><w:szCs w:val=\"36\"/>");
  const std::string shown = ChineseDate(date);
  // 填报单位 at the left margin, 填报日期 at the right: a right tab stop at the text's edge.
  body_ += "<w:p><w:pPr><w:tabs><w:tab w:val=\"right\" w:pos=" + Attr(text_width_) +
           "/></w:tabs><w:spacing w:after=\"120\"/></w:pPr><w:r><w:t xml:space=\"preserve\">填报单位：" +
           XmlEscape(unit) + "</w:t></w:r><w:r><w:tab/><w:t xml:space=\"preserve\">填报日期：" + XmlEscape(shown) +
           "</w:t></w:r></w:p>";
}

void DocxBuilder::OpenMain() {
  if (main_open_) return;
  body_ += TableStart({kLabelWidth, text_width_ - kLabelWidth});
  main_open_ = true;
}

void DocxBuilder::CloseMain() {
  if (!main_open_) return;
  // Two tables with nothing between them would be joined into one by Word.
  body_ += "</w:tbl><w:p><w:pPr><w:spacing w:after=\"0\"/></w:pPr></w:p>";
  main_open_ = false;
}

void DocxBuilder::Field(const FieldDef& f, const json& v) {
  if (f.type == FieldType::Table || f.type == FieldType::Matrix) {
    std::vector<std::string> headers;
    std::vector<std::vector<std::string>> rows;
    FieldTable(f, v, regions_, headers, rows);
    return DataTable(f.label, f.type == FieldType::Table ? 794 : 1701, headers, rows);
  }
  OpenMain();
  const int height = HasSealLine(f) ? kOpinionHeight : f.type == FieldType::TextArea ? kLongTextHeight : 0;
  const bool prose = f.type == FieldType::TextArea && !HasSealLine(f);  // the seal stays with its opinion
  body_ += Row(Cell(kLabelWidth, Paragraphs(f.label, kCentred), kMiddle) + ValueCell(f, v), height, false, prose);
}

std::string DocxBuilder::ValueCell(const FieldDef& f, const json& v) {
  const int width = text_width_ - kLabelWidth;
  if (f.type == FieldType::Photos) return Cell(width, Photos(v));
  const std::string text = DisplayValue(f, v, regions_);
  if (HasSealLine(f)) {
    // The unit writes or stamps below its opinion: room, then the seal line at the right.
    const std::string right = "<w:ind w:right=\"480\"/><w:jc w:val=\"right\"/>";
    return Cell(
        width, Paragraphs(text) + "<w:p/><w:p/>" + Paragraphs("（盖章）", right) + Paragraphs("年　　月　　日", right));
  }
  if (f.type == FieldType::TextArea)  // 事迹 and other prose: indented two characters, 1.5 lines
    return Cell(
        width,
        Paragraphs(
            text,
            "<w:spacing w:line=\"360\" w:lineRule=\"auto\"/><w:ind w:firstLineChars=\"200\" w:firstLine=\"480\"/>"));
  return Cell(width, Paragraphs(text), kMiddle);
}

// A table field as a table of its own (a nested one would not repeat its header on a new page).
void DocxBuilder::DataTable(const std::string& caption, int first, const std::vector<std::string>& headers,
                            const std::vector<std::vector<std::string>>& rows, const std::vector<std::string>& totals) {
  CloseMain();
  if (!caption.empty())
    body_ += Paragraphs(caption, "<w:keepNext/><w:spacing w:before=\"120\" w:after=\"60\"/>", kHeading);
  std::vector<std::vector<std::string>> all = rows;
  if (!totals.empty()) all.push_back(totals);
  const std::vector<int> widths = ColumnWidths(first, headers, all, text_width_);
  body_ += TableStart(widths);
  std::string cells;
  for (size_t i = 0; i < headers.size(); ++i)
    cells += Cell(widths[i], Paragraphs(headers[i], kCentred, std::string("<w:b/>") + kSmall), kMiddle);
  body_ += Row(cells, 0, true);
  if (all.empty()) all.push_back(std::vector<std::string>(headers.size()));  // an empty row to fill in by hand
  for (size_t n = 0; n < all.size(); ++n) {
    const bool total = !totals.empty() && n + 1 == all.size();
    cells.clear();
    for (size_t i = 0; i < headers.size(); ++i)
      cells += Cell(widths[i],
                    Paragraphs(i < all[n].size() ? all[n][i] : "", i == 0 ? kCentred : "",
                               std::string(total ? "<w:b/>" : "") + kSmall),
                    kMiddle);
    body_ += Row(cells, 454);  // 8 mm: a row stays tall enough to write in
  }
  body_ += "</w:tbl><w:p><w:pPr><w:spacing w:after=\"0\"/></w:pPr></w:p>";
}

void DocxBuilder::Note(const std::string& text) {
  CloseMain();
  body_ += Paragraphs(text, "<w:spacing w:after=\"120\"/>", kSmall);
}

std::string DocxBuilder::Photos(const json& v) {
  std::string x;
  for (const json& p : v.is_array() ? v : json::array()) {
    const std::string sha = StringAt(p, "sha256");
    const std::string bytes = sha.empty() ? "" : photo_(sha);
    std::string picture = Picture(bytes, sha);
    if (!picture.empty()) x += "<w:p><w:pPr><w:jc w:val=\"center\"/></w:pPr>" + picture + "</w:p>";
    const std::string caption = StringAt(p, "caption");
    if (!caption.empty() || picture.empty())
      x += Paragraphs(picture.empty() ? "（照片：" + caption + "，请另附）" : caption, kCentred,
                      "<w:sz w:val=\"21\"/><w:szCs w:val=\"21\"/>");
  }
  return x;
}

// An inline picture at its own aspect ratio, no wider than the value cell and no larger than 60 mm.
std::string DocxBuilder::Picture(const std::string& bytes, const std::string& sha) {
  const auto size = ImagePixelSize(bytes);
  if (!size) return "";
  auto found = media_ids_.find(sha);
  if (found == media_ids_.end()) {
    const std::string part = "media/image" + std::to_string(media_.size() + 1) + "." + ImageExtension(bytes);
    media_.push_back({part, bytes});
    found = media_ids_.emplace(sha, "rIdImg" + std::to_string(media_.size())).first;
  }
  const long long cell = static_cast<long long>(text_width_ - kLabelWidth - 2 * kCellPadding) * kEmuPerTwip;
  const double scale = std::min({static_cast<double>(std::min(cell, kPhotoMaxEmu)) / size->width,
                                 static_cast<double>(kPhotoMaxEmu) / size->height});
  const std::string cx = std::to_string(static_cast<long long>(size->width * scale));
  const std::string cy = std::to_string(static_cast<long long>(size->height * scale));
  const std::string id = std::to_string(++drawings_);
  return "<w:r><w:drawing><wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\"><wp:extent cx=\"" + cx +
         "\" cy=\"" + cy + "\"/><wp:docPr id=\"" + id + "\" name=\"照片 " + id +
         "\"/><wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect=\"1\"/></wp:cNvGraphicFramePr>"
         "<a:graphic><a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"><pic:pic>"
         "<pic:nvPicPr><pic:cNvPr id=\"" +
         id + "\" name=\"照片 " + id +
         "\"/><pic:cNvPicPr/></pic:nvPicPr>"
         "<pic:blipFill><a:blip r:embed=\"" +
         found->second +
         "\"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>"
         "<pic:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"" +
         cx + "\" cy=\"" + cy +
         "\"/></a:xfrm><a:prstGeom "
         "prst=\"rect\"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic>"
         "</wp:inline></w:drawing></w:r>";
}

std::string DocxBuilder::Document() {
  CloseMain();
  const int w = landscape_ ? kPageLong : kPageShort, h = landscape_ ? kPageShort : kPageLong;
  return std::string(kXmlHead) +
         "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" "
         "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" "
         "xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\" "
         "xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" "
         "xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"><w:body>" +
         body_ + "<w:sectPr><w:pgSz w:w=" + Attr(w) + " w:h=" + Attr(h) +
         (landscape_ ? " w:orient=\"landscape\"" : "") + "/><w:pgMar w:top=" + Attr(kMarginTop) +
         " w:right=" + Attr(kMarginRight) + " w:bottom=" + Attr(kMarginBottom) + " w:left=" + Attr(kMarginLeft) +
         " w:header=\"851\" w:footer=\"992\" w:gutter=\"0\"/></w:sectPr></w:body></w:document>";
}

// 宋体 小四 body, Chinese language tags so Word applies Chinese line breaking and punctuation.
std::string StylesXml() {
  return std::string(kXmlHead) +
         "<w:styles "
         "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/"
         "main\"><w:docDefaults><w:rPrDefault><w:rPr>" +
         kBody +
         "<w:sz w:val=\"24\"/><w:szCs w:val=\"24\"/><w:lang w:val=\"en-US\" w:eastAsia=\"zh-CN\" "
         "w:bidi=\"ar-SA\"/></w:rPr></w:rPrDefault>"
         "<w:pPrDefault><w:pPr><w:spacing w:after=\"0\" w:line=\"300\" "
         "w:lineRule=\"auto\"/></w:pPr></w:pPrDefault></w:docDefaults>"
         "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name "
         "w:val=\"Normal\"/><w:qFormat/></w:style>"
         "<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/><w:tblPr>"
         "<w:tblInd w:w=\"0\" w:type=\"dxa\"/><w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/><w:left w:w=\"108\" "
         "w:type=\"dxa\"/>"
         "<w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"108\" "
         "w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style></w:styles>";
}

std::string ContentTypes() {
  return std::string(kXmlHead) +
         "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
         "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
         "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
         "<Default Extension=\"jpeg\" ContentType=\"image/jpeg\"/><Default Extension=\"png\" "
         "ContentType=\"image/png\"/>"
         "<Default Extension=\"gif\" ContentType=\"image/gif\"/>"
         "<Override PartName=\"/word/document.xml\" "
         "ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
         "<Override PartName=\"/word/styles.xml\" "
         "ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>"
         "<Override PartName=\"/docProps/core.xml\" "
         "ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
         "<Override PartName=\"/docProps/app.xml\" "
         "ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>"
         "</Types>";
}

std::string Relationship(const std::string& id, const std::string& type, const std::string& target) {
  return "<Relationship Id=\"" + id + "\" Type=\"" + type + "\" Target=\"" + target + "\"/>";
}

std::string Relationships(const std::string& inner) {
  return std::string(kXmlHead) +
         "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" + inner +
         "</Relationships>";
}

std::string CoreXml(const std::string& title, const std::string& unit, const Record& r) {
  const auto stamp = [](const char* name, const std::string& iso) {
    return iso.empty() ? std::string()
                       : std::string("<dcterms:") + name + " xsi:type=\"dcterms:W3CDTF\">" + XmlEscape(iso) +
                             "</dcterms:" + name + ">";
  };
  return std::string(kXmlHead) +
         "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
         "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" "
         "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><dc:title>" +
         XmlEscape(title) + "</dc:title><dc:creator>" + XmlEscape(unit) + "</dc:creator>" +
         stamp("created", r.created) + stamp("modified", r.updated) + "</cp:coreProperties>";
}

}  // namespace

namespace {
// The document and its pictures as a .docx package (the parts Word, WPS and LibreOffice need).
std::string Package(const DocxBuilder& b, const std::string& document, const std::string& title,
                    const std::string& creator, const Record& dates) {
  const std::string officedoc = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
  std::string doc_rels = Relationship("rIdStyles", officedoc + "styles", "styles.xml");
  for (size_t i = 0; i < b.media().size(); ++i)
    doc_rels += Relationship("rIdImg" + std::to_string(i + 1), officedoc + "image", b.media()[i].part);

  ZipWriter zip;
  zip.Add("[Content_Types].xml", ContentTypes());
  zip.Add(
      "_rels/.rels",
      Relationships(
          Relationship("rId1", officedoc + "officeDocument", "word/document.xml") +
          Relationship("rId2", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
                       "docProps/core.xml") +
          Relationship("rId3", officedoc + "extended-properties", "docProps/app.xml")));
  zip.Add("word/document.xml", document);
  zip.Add("word/_rels/document.xml.rels", Relationships(doc_rels));
  zip.Add("word/styles.xml", StylesXml());
  for (const auto& m : b.media()) zip.Add("word/" + m.part, m.bytes);
  zip.Add("docProps/core.xml", CoreXml(title, creator, dates));
  zip.Add("docProps/app.xml",
          std::string(kXmlHead) +
              "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\">"
              "<Application>LearnWeek</Application></Properties>");
  return zip.Finish();
}
}  // namespace

std::string ToDocx(const FormDef& form, const Record& r, const RegionDb& regions, const std::string& unit,
                   const std::string& date, const std::function<std::string(const std::string&)>& photo) {
  DocxBuilder b(regions, photo, WantsLandscape(form, r));
  b.Heading(form.title, unit, date);
  for (const FieldDef* f : form.AllFields()) b.Field(*f, ShownValue(form, r, *f));
  return Package(b, b.Document(), form.title, unit, r);
}

std::string TableDocx(const SummaryTable& t, const std::string& unit, const std::string& date) {
  static const RegionDb no_regions;
  static const std::function<std::string(const std::string&)> no_photos = [](const std::string&) { return ""; };
  DocxBuilder b(no_regions, no_photos, t.headers.size() > kLandscapeColumns);
  b.Heading(t.title, unit, date);
  if (!t.note.empty()) b.Note(t.note);
  std::vector<std::vector<std::string>> rows;
  for (const auto& r : t.rows) rows.push_back(CellTexts(r));
  b.DataTable("", 794, t.headers, rows, CellTexts(t.totals));
  Record dates;
  dates.created = dates.updated = NowIso();
  return Package(b, b.Document(), t.title, unit, dates);
}

std::string TableDocxFileName(const SummaryTable& t, const std::string& unit, const std::string& date) {
  return FileNamePart(unit.empty() ? "未填单位" : unit) + "_" + FileNamePart(t.title) + "_" + date + ".docx";
}

std::string DocxFileName(const FormDef& form, const Record& r, const std::string& unit) {
  std::string who = StringAt(r.values, "name");
  if (who.empty()) who = StringAt(r.values, "title");
  std::string name = FileNamePart(unit.empty() ? "未填单位" : unit) + "_" + FileNamePart(form.short_title);
  if (!who.empty()) name += "_" + FileNamePart(who);
  return name + ".docx";
}

}  // namespace lw
