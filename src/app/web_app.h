// web_app.h — what the browser build's entry point (main_web.cpp) offers JavaScript, through the
// one list of C entry points in web_exports.cpp: automation, benchmarks, the failure page's backup.
#pragma once
#include <string>

namespace lw::app {

std::string ItemsJson();       // every ImGui item of the last frame (window.learnweek.ui.items())
std::string StateJson();       // settings, profile and drafts as stored
std::string FontsJson();       // font shards merged so far
std::string StatsJson();       // frame timings, renderer
std::string MapFiguresJson();  // {prefecture code: participants}, for the ECharts reference
void SetPaused(bool paused);   // benchmarks stop the loop; tests hold frames back
// Builds `frames` frames back to back without handing them to the screen: the CPU cost of a
// frame alone, unaffected by the (software) GPU sharing the machine.
std::string BenchFrames(int frames);
// A backup file of everything stored, written without the UI (which may be what failed).
// Returns the number of records saved.
int BackupDownload();

}  // namespace lw::app
