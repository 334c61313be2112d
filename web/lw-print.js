// lw-print.js — the print preview. A document from the core (print_html.h) is shown over the page
// as sheets of paper, with 打印 and 关闭, before anything goes to the printer: a clerk sees what
// will come out (and that the seal line is there) and prints from the browser's own dialog.
// It is a modal dialog: the app behind it is inert (no keys reach SDL, no mirror is read), Esc
// closes it and the focus goes back to where it was.
let open = null;

function button(text, onClick, primary) {
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = text;
  b.className = primary ? 'primary' : '';
  b.addEventListener('click', onClick);
  return b;
}

function close() {
  if (!open) return;
  const { root, behind, focus } = open;
  open = null;
  root.remove();
  for (const el of behind) el.inert = false;
  if (focus && focus.isConnected) focus.focus();
}

export function showPrintPreview(html) {
  close();
  const title = new DOMParser().parseFromString(html, 'text/html').title || '打印预览';
  const root = document.createElement('div');
  root.id = 'lw-print';
  root.setAttribute('role', 'dialog');
  root.setAttribute('aria-modal', 'true');
  root.setAttribute('aria-label', '打印预览');
  const bar = document.createElement('div');
  bar.className = 'lw-print-bar';
  const heading = document.createElement('h2');
  heading.textContent = title;
  const hint = document.createElement('span');
  hint.textContent = '请核对后打印；打印窗口中请选择 A4 纸。';
  const frame = document.createElement('iframe');
  frame.title = '打印预览：' + title;
  frame.srcdoc = html;
  const print = button('打印', () => { frame.contentWindow.focus(); frame.contentWindow.print(); }, true);
  print.disabled = true;  // until the document is laid out: an early print would be blank
  frame.addEventListener('load', () => { print.disabled = false; print.focus(); });
  bar.append(heading, hint, print, button('关闭', close, false));
  root.append(bar, frame);
  // Keys stay in the dialog: SDL listens on window, and the app behind must not act on them.
  for (const type of ['keydown', 'keyup', 'keypress']) {
    root.addEventListener(type, (e) => {
      e.stopPropagation();
      if (type === 'keydown' && e.key === 'Escape') { e.preventDefault(); close(); }
    });
  }
  const behind = Array.from(document.body.children).filter((el) => !el.inert);
  for (const el of behind) el.inert = true;
  open = { root, behind, focus: document.activeElement };
  document.body.appendChild(root);
  print.focus();
}
