// utf8.h — UTF-8 decoding, validation and user-perceived character counting (字数).
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace lw::utf8 {

constexpr char32_t kReplacement = 0xFFFD;

// Decodes one code point at s[i]; advances i. Invalid sequences yield U+FFFD and advance 1 byte,
// so a caller walking a corrupt string always terminates.
char32_t Next(std::string_view s, size_t& i);

// Byte offset of the code point before i (i > 0).
size_t Prev(std::string_view s, size_t i);

// Strict validation: rejects overlongs, surrogates, > U+10FFFF and truncation.
bool IsValid(std::string_view s);

void Append(std::string& out, char32_t cp);
std::string Encode(char32_t cp);
std::u32string Decode(std::string_view s);

size_t CountCodePoints(std::string_view s);

// Length in UTF-16 code units (what a browser's text offsets count) of the text before byte
// `bytes` (clamped to the string): the page's text box selects what ImGui's caret marks.
size_t Utf16Length(std::string_view s, size_t bytes);

// What a clerk means by "字数": one per visible character. Chinese characters, letters and
// digits count one each; an emoji with skin tone, variation selector or ZWJ sequence (👨‍👩‍👧)
// counts one; combining marks attach to their base; line breaks are not counted.
size_t CountChars(std::string_view s);

// Room a text takes in a table column, in digits: a hanzi or full-width sign takes about two
// (Excel's column units, and the proportions of a Word table's columns).
size_t DisplayWidth(std::string_view s);

// Byte offset of the first character past `max_chars` (same counting as CountChars);
// s.size() when the text fits. Used to show where an over-long text starts overflowing.
size_t OffsetOfChar(std::string_view s, size_t max_chars);

// Byte offsets where each user-perceived character starts (plus s.size() at the end),
// for caret movement that never splits an emoji or a combining sequence.
std::vector<size_t> CharBoundaries(std::string_view s);

bool IsCjkIdeograph(char32_t cp);
bool IsWhitespace(char32_t cp);

}  // namespace lw::utf8
