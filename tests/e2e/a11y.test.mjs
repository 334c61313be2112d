// a11y.test.mjs — issue 10 in the browser: what a screen reader gets, read from Chromium's own
// accessibility tree over CDP (Accessibility.getFullAXTree): the navigation as a tab list,
// headings, labelled fields with value, required/invalid state and their message, combo boxes,
// radio groups, the error summary's links (which move the focus to their field), live regions.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import {
  ARTIFACTS, axFind as find, axNamed as named, click, findItem, imeInto, imeType, launch, moveTo, newDraft, openApp, press, serve, state,
  waitForAx, waitForState,
} from './harness.mjs';

let browser;
let server;
before(async () => { browser = await launch(); server = await serve(); });
after(async () => { await browser?.close(); await server?.close(); });

test('the accessibility tree names every control of 单位信息 with its role and state', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 2000 } });  // the mirror lists what is on screen
  const page = await openApp(context, server.url);
  await click(page, '单位信息');
  await findItem(page, '填报单位', { input: true });
  await click(page, '逐项查看');  // asks for every message, as 导出 does
  const { tree, hit } = await waitForAx(page, (t) => find(t, 'textbox', '填报单位')?.props.invalid === 'true' && find(t, 'link', /^填报单位：/));
  const summary = named(tree).map((n) => `${n.role} "${n.name}"`);
  console.log(`# AX tree on 单位信息: ${named(tree).length} named nodes, e.g. ${summary.slice(0, 25).join(', ')}`);
  assert.ok(hit, 'a required empty field becomes invalid with a summary link: ' + summary.join(' | '));

  // Navigation: a tab list with the current screen selected.
  const tabs = tree.filter((n) => n.role === 'tab');
  assert.deepEqual(tabs.map((t) => t.name), ['首页', '填报', '汇总', '地图', '单位信息', '设置']);
  assert.ok(tabs.every((t) => t.parentRole === 'tablist'), 'tabs sit in a tab list');
  assert.equal(find(tree, 'tab', '单位信息').props.selected, true);
  assert.ok(!find(tree, 'tab', '首页').props.selected);
  assert.ok(find(tree, 'link', '跳到主要内容'), 'skip link');
  const h = find(tree, 'heading', '单位信息');
  assert.ok(h && h.props.level === 1, 'screen heading level 1');

  // A required empty field: labelled, required, invalid, and described by its message.
  const unit = find(tree, 'textbox', '填报单位');
  assert.equal(unit.props.required, true);
  assert.equal(unit.props.invalid, 'true');
  assert.match(unit.description, /填/, 'the message describes the field: ' + unit.description);
  const email = find(tree, 'textbox', '电子邮箱');
  assert.ok(email && !email.props.required, 'optional field is not required: ' + tree.filter((n) => n.role === 'textbox').map((n) => n.name));

  // The three region pickers are combo boxes, collapsed.
  for (const level of ['省', '市', '县']) {
    const combo = find(tree, 'combobox', '所在地区·' + level);
    assert.ok(combo, 'combo box 所在地区·' + level);
    assert.equal(combo.props.expanded, false);
  }
  // The save status is a live region.
  assert.ok(tree.some((n) => n.role === 'status'), 'a status live region');

  // The error summary: links that move the focus to their field (a screen reader's click).
  const links = tree.filter((n) => n.role === 'link' && /：/.test(n.name));
  assert.ok(links.length >= 4, 'summary links: ' + links.map((l) => l.name).join(', '));
  await page.evaluate(() => [...document.querySelectorAll('#lw-a11y [role=link]')].find((e) => /^负责人：/.test(e.textContent)).click());
  const focused = await waitForAx(page, (t) => t.find((n) => n.props.focused && n.role === 'textbox' && n.name === '负责人'));
  assert.ok(focused.hit, 'the link focused 负责人: ' + focused.tree.filter((n) => n.props.focused).map((n) => n.role + ' ' + n.name));
  // The focused element is the text agent itself, so IME text goes into the announced field.
  assert.equal(await page.evaluate(() => document.activeElement.id), 'lw-text-agent');
  await page.keyboard.type('Li Lei');
  const typed = await waitForAx(page, (t) => find(t, 'textbox', '负责人')?.props.invalid !== 'true');
  assert.ok(typed.hit, 'typing into the focused field clears its invalid state');
  await context.close();
});

test('a combo box opened from the mirror lists its options; the form screen has radio groups', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await openApp(context, server.url);
  await newDraft(page, '“百姓学习之星”推荐表');
  await imeInto(page, '姓名', '张喆');
  const { tree, hit } = await waitForAx(page, (t) => t.some((n) => n.role === 'textbox' && n.name === '姓名' && n.value === '张喆') &&
                                                     find(t, 'radio', '女'));
  assert.ok(hit, 'radio 女: ' + named(tree).map((n) => n.role + ' ' + n.name).join(' | '));
  assert.equal(hit.parentRole, 'radiogroup');
  assert.equal(hit.parentName, '性别');
  assert.equal(hit.props.checked, 'false');
  assert.equal(find(tree, 'heading', '“百姓学习之星”推荐表')?.props.level, 1, 'the form title is the screen’s heading');
  // (the text agent is also called 姓名 while the field is edited: it is the field)
  assert.ok(tree.some((n) => n.role === 'textbox' && n.name === '姓名' && n.value === '张喆'), 'value of 姓名');
  // A screen reader activates the 民族 combo box: its list appears as a list box of options.
  await page.evaluate(() => [...document.querySelectorAll('#lw-a11y [role=combobox]')].find((e) => e.getAttribute('aria-label') === '民族').click());
  const open = await waitForAx(page, (t) => find(t, 'combobox', '民族')?.props.expanded === true && find(t, 'option', '汉族'));
  assert.ok(open.hit, 'combo expanded with options');
  const option = find(open.tree, 'option', '汉族');
  assert.equal(option.parentRole, 'listbox');
  const options = open.tree.filter((n) => n.role === 'option');
  assert.deepEqual(options.filter((n) => !n.name).length, 0, 'every option is named (no list window, no scroll bar)');
  assert.ok(options.every((n) => !n.props.required && !n.props.invalid), 'the field state is the combo box’s, not its options’');
  assert.equal(options[0].name, '汉族', 'the list starts with its first entry');
  // The page holds the options in view; each says its place in the whole list of 56 民族 and more.
  const places = await page.evaluate(() => [...document.querySelectorAll('#lw-a11y [role=option]')]
    .map((e) => [e.getAttribute('aria-posinset'), e.getAttribute('aria-setsize')]));
  assert.deepEqual(places[0], ['1', places[0][1]]);
  assert.ok(places.length < Number(places[0][1]) && Number(places[0][1]) >= 56,
            `${places.length} options in view of ${places[0][1]}, each with its place`);
  await page.keyboard.press('Escape');
  const closed = await waitForAx(page, (t) => find(t, 'combobox', '民族')?.props.expanded === false);
  assert.ok(closed.hit, 'Esc closes the combo');
  await page.screenshot({ path: join(ARTIFACTS, 'a11y-form.png') });
  await context.close();
});

test('大字模式: larger text, 60 px targets; the focus ring on a tab (screenshots)', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await openApp(context, server.url);
  await click(page, '单位信息');
  const normal = await findItem(page, '填报单位', { input: true });
  assert.ok(normal.h >= 44, `text field ${normal.h} px tall at the default size (≥ 44)`);
  await click(page, '设置');
  await click(page, '大字模式（字更大，按钮更高，适合老年人）');
  const { hit } = await waitForAx(page, (t) => find(t, 'checkbox', '大字模式（字更大，按钮更高，适合老年人）')?.props.checked === 'true' &&
                                               find(t, 'checkbox', '大字模式（字更大，按钮更高，适合老年人）'));
  assert.ok(hit, '大字模式 is a checked check box');
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(ARTIFACTS, 'a11y-large-mode-settings.png') });
  await click(page, '单位信息');
  const large = await findItem(page, '填报单位', { input: true });
  assert.ok(large.h >= 60, `text field ${large.h} px tall in 大字模式 (≥ 60)`);
  const tab = await findItem(page, '单位信息');
  assert.ok(tab.h >= 60, `navigation tab ${tab.h} px tall in 大字模式 (≥ 60)`);
  // Keyboard focus on a navigation tab: the two-tone ring shows on the blue header.
  for (let i = 0; i < 3; i++) { await page.keyboard.press('Tab'); await page.waitForTimeout(120); }
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(ARTIFACTS, 'a11y-large-mode-focus-ring.png') });
  await context.close();
});

test('the toast’s 撤销 is reached by Tab and announced; 字数 describes its field; sliders have values', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await openApp(context, server.url);
  await newDraft(page, '“百姓学习之星”推荐表');
  await imeInto(page, '姓名', '张喆');
  // Delete the draft: the toast is announced and its 撤销 comes after the page in the Tab order.
  await click(page, '← 返回列表', { up: true });
  await page.evaluate(() => {  // every announcement, as a screen reader queues them
    window.lwSaid = [];
    const region = document.getElementById('lw-live-polite');
    new MutationObserver(() => window.lwSaid.push(region.textContent)).observe(region, { childList: true, characterData: true, subtree: true });
  });
  await click(page, '删除');
  const said = await page.waitForFunction(() => window.lwSaid.some((t) => /已删除/.test(t)), null, { timeout: 5000 })
    .then(() => true, () => false);
  assert.ok(said, 'the toast is announced: ' + (await page.evaluate(() => window.lwSaid.join(' | '))));
  await moveTo(page, '撤销删除', { key: 'Shift+Tab', role: 'button', max: 30 });
  await press(page, 'Enter');
  await findItem(page, '← 返回列表');  // restored and opened again
  assert.equal((await state(page)).drafts.filter((d) => d.values.name === '张喆').length, 1);
  // 主要事迹 has a 字数 counter: the field's description says it.
  await imeInto(page, '主要事迹', '她退休后坚持学习二十年。');
  const { hit } = await waitForAx(page, (t) => t.find((n) => n.name === '主要事迹' && /字数：12 字/.test(n.description)));
  assert.ok(hit, 'the 字数 counter describes 主要事迹');
  // The text size slider: a slider with its value.
  await click(page, '设置', { up: true });
  const size = await waitForAx(page, (t) => t.find((n) => n.role === 'slider' && n.name === '文字大小'));
  assert.ok(size.hit, 'text size slider');
  assert.equal(size.hit.value, 125, 'its value: ' + JSON.stringify(size.hit));
  assert.equal(size.hit.props.valuemin, 100);
  assert.equal(size.hit.props.valuemax, 200);
  // Its preset buttons are one choice: the chosen one is checked in the group 文字大小.
  const preset = find(size.tree, 'radio', '125%');
  assert.ok(preset && preset.parentRole === 'radiogroup' && preset.parentName === '文字大小', 'presets in a radio group');
  assert.equal(preset.props.checked, 'true');
  assert.equal(find(size.tree, 'radio', '100%')?.props.checked, 'false');
  await context.close();
});

// The list of this device's forms is a table: a header row, one row per form with its kind, title,
// status and time; each row's buttons say which form they are for. Its headings are no Tab stops.
test('填报: the forms list is a table with headers and buttons named by their form', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await openApp(context, server.url);
  await newDraft(page, '“百姓学习之星”推荐表');
  await imeInto(page, '姓名', '张喆');
  await click(page, '填报');
  const { tree, hit } = await waitForAx(page, (t) => find(t, 'button', '删除：张喆'));
  assert.ok(hit, 'a named 删除 button: ' + named(tree).map((n) => n.role + ' ' + n.name).join(' | '));
  const table = find(tree, 'table', '本机的表格');
  assert.ok(table, 'a table named 本机的表格');
  const headers = tree.filter((n) => n.role === 'columnheader').map((n) => n.name);
  assert.deepEqual(headers, ['表格', '名称', '状态', '修改时间', '操作']);
  assert.ok(find(tree, 'button', '打开：张喆') && find(tree, 'button', '复制：张喆'));
  const cells = tree.filter((n) => n.role === 'cell').map((n) => n.name);
  assert.ok(cells.includes('百姓学习之星') || cells.some((c) => /学习之星/.test(c)), 'the kind is a cell: ' + cells.join(' | '));
  assert.ok(cells.includes('张喆'), 'the title is a cell: ' + cells.join(' | '));
  const focusable = await page.evaluate(() => [...document.querySelectorAll('#lw-a11y [role=columnheader] [tabindex]')].length);
  assert.equal(focusable, 0, 'headings that do not sort are text');
  await context.close();
});

// The focused text box is the field itself for a screen reader: its value is the field's text and
// its caret is ImGui's (a screen reader walks the text there), while what is typed or composed
// still goes into ImGui once: the agent's text is never typed twice. Its hint is its placeholder.
test('the edited field’s element holds its text and caret; typing and IME add each character once', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
  const page = await openApp(context, server.url);
  await click(page, '单位信息');
  await click(page, '填报单位', { input: true });
  const agent = () => page.evaluate(() => {
    const a = document.getElementById('lw-text-agent');
    return { focused: document.activeElement === a, value: a.value, start: a.selectionStart, end: a.selectionEnd };
  });
  const until = async (want, what) => {
    const deadline = Date.now() + 5000;
    let now;
    while (Date.now() < deadline) {
      now = await agent();
      if (now.focused && now.value === want.value && now.start === want.start && now.end === want.end) return;
      await page.waitForTimeout(50);
    }
    assert.deepEqual(now, { focused: true, ...want }, what);
  };
  await page.keyboard.type('abc');
  await until({ value: 'abc', start: 3, end: 3 }, 'typed text and the caret after it');
  await press(page, 'ArrowLeft');
  await until({ value: 'abc', start: 2, end: 2 }, 'the caret follows ← in ImGui');
  await imeInto(page, '填报单位', '学习');  // composed at the caret (click puts it at the end)
  await until({ value: 'abc学习', start: 5, end: 5 }, 'the committed IME text once, at the caret');
  await page.keyboard.press('Shift+Home');
  await until({ value: 'abc学习', start: 0, end: 5 }, 'the selection follows');
  await page.keyboard.type('x');
  await until({ value: 'x', start: 1, end: 1 }, 'typing replaces the selection');
  // Typed over a selection that starts or ends with the same character (the Tab-in-and-retype
  // case: the whole field is selected): nothing of what is typed is lost.
  await page.keyboard.press('Control+A');
  await until({ value: 'x', start: 0, end: 1 }, 'all selected');
  await page.keyboard.type('xyx');
  await until({ value: 'xyx', start: 3, end: 3 }, 'an “x” typed over the selected “x” is kept');
  await imeInto(page, '填报单位', 'xyx学');  // click: the caret goes to the end, no selection
  await until({ value: 'xyxxyx学', start: 7, end: 7 }, 'IME text added once');
  await page.keyboard.press('Shift+ArrowLeft');
  await imeType(page, ['学'], '学');
  await until({ value: 'xyxxyx学', start: 7, end: 7 }, 'a composed “学” over the selected “学”');
  await waitForState(page, (s) => s.profile?.values?.unit === 'xyxxyx学');
  const tree = (await waitForAx(page, (t) => find(t, 'textbox', '填报单位')?.value === 'xyxxyx学')).tree;
  assert.equal(find(tree, 'textbox', '填报单位')?.value, 'xyxxyx学', 'the focused text box’s value is the field’s text');
  await context.close();
});
