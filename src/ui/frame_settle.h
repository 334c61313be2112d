// frame_settle.h — whether Dear ImGui would draw the next frame differently with no new input.
//
// ImGui carries some state a frame late: a window sizes itself to the content it held the frame
// before, a tooltip or popup is hidden for the frame in which it is measured, scrollbars follow
// last frame's content size. The main loop draws a few frames after each input so this settles.
// Pointer motion alone is the common input (a hover sweep over the map: a move every 10–20 ms),
// and most of its frames carry nothing over; those need no second frame to confirm it.
#pragma once

namespace lw::ui {

// Call after ImGui::Render(). True when some window's size, content size, visibility or
// auto-fit still has to catch up with this frame.
bool NextFrameWouldDiffer();

// True while ImGui still holds input events for later frames. It trickles a burst of queued input
// (a click and the keys typed before the next frame) over several frames, one change of a key or
// button per frame; the loop must keep drawing until the queue is empty, or the last keystrokes
// of a quick typist on a slow PC wait for the idle timer and are seen a second apart.
bool InputStillQueued();

}  // namespace lw::ui
