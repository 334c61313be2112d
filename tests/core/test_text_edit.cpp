// test_text_edit.cpp — the editing model of the wrapped text field: typing, deleting by character,
// undo and redo in the steps a person expects.
#include <catch2/catch.hpp>

#include "text_edit.h"

using lw::TextEdit;

TEST_CASE("typing in a row is undone in one step, and redone", "[text_edit]") {
  TextEdit e("", true);
  e.Insert("张");
  e.Insert("三");
  CHECK(e.text() == "张三");
  CHECK(e.CanUndo());
  REQUIRE(e.Undo());
  CHECK(e.text().empty());
  CHECK(e.caret() == 0);
  CHECK_FALSE(e.CanUndo());
  REQUIRE(e.Redo());
  CHECK(e.text() == "张三");
  CHECK(e.caret() == e.text().size());
  CHECK_FALSE(e.Redo());
}

TEST_CASE("a word boundary, an IME commit or a deletion starts a new undo step", "[text_edit]") {
  TextEdit e("", true);
  e.Insert("社");
  e.Insert("区");
  e.Insert("，");    // punctuation ends the step it belongs to
  e.Insert("学院");  // an IME commit of a word is a step of its own
  REQUIRE(e.Undo());
  CHECK(e.text() == "社区，");
  REQUIRE(e.Undo());
  CHECK(e.text().empty());

  TextEdit f("abc", true);
  f.Backspace();
  f.Backspace();  // consecutive deletions: one step
  CHECK(f.text() == "a");
  f.Insert("x");
  CHECK(f.text() == "ax");
  REQUIRE(f.Undo());
  CHECK(f.text() == "a");
  REQUIRE(f.Undo());
  CHECK(f.text() == "abc");
  CHECK_FALSE(f.Undo());
}

TEST_CASE("a new edit after undo drops the redo history", "[text_edit]") {
  TextEdit e("", true);
  e.Insert("甲");
  REQUIRE(e.Undo());
  e.Insert("乙");
  CHECK_FALSE(e.Redo());
  CHECK(e.text() == "乙");
}

TEST_CASE("undo restores the selection that the edit replaced", "[text_edit]") {
  TextEdit e("包头市教育局", true);
  e.SetCaret(0, false);
  e.SetCaret(std::string("包头市").size(), true);  // select 包头市
  e.Insert("呼和浩特市");
  CHECK(e.text() == "呼和浩特市教育局");
  REQUIRE(e.Undo());
  CHECK(e.text() == "包头市教育局");
  CHECK(e.SelectedText() == "包头市");
}

TEST_CASE("backspace and delete remove whole characters, never half an emoji", "[text_edit]") {
  TextEdit e("a👍🏽b", true);
  e.MoveLeft(false);  // before b
  e.Backspace();      // the thumbs-up with its skin tone, as one character
  CHECK(e.text() == "ab");
  e.MoveDocStart(false);
  e.Delete();
  CHECK(e.text() == "b");
}

TEST_CASE("an external change clears undo; single-line fields turn line breaks into spaces", "[text_edit]") {
  TextEdit e("", true);
  e.Insert("草稿");
  e.SetText("来自另一个标签页");
  CHECK_FALSE(e.CanUndo());
  CHECK(e.caret() <= e.text().size());

  TextEdit one("", false);
  one.Insert("第一行\r\n第二行\t末尾\x01");
  CHECK(one.text() == "第一行 第二行 末尾");
}

// A text stored with "\r\n" (typed in Word, imported from another unit) is shown and edited as
// "\n", as the page's text box holds it: the caret offsets the screen reader gets then match.
TEST_CASE("an external text is normalized like typed text, and an equal one changes nothing", "[text_edit]") {
  TextEdit e("", true);
  e.SetText("第一行\r\n第二行\r第三行");
  CHECK(e.text() == "第一行\n第二行\n第三行");
  e.MoveDocEnd(false);
  e.Insert("。");
  const unsigned version = e.version();
  e.SetText("第一行\r\n第二行\r第三行。");  // the stored text, as the field reads it every frame
  CHECK(e.version() == version);
  CHECK(e.CanUndo());
}
