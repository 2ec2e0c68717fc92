/** Small DOM helpers shared by the page's parts. */

/** A new element with attributes and text. */
export function el(doc, tag, attrs = {}, text = "") {
  const node = doc.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value);
  if (text) node.textContent = text;
  return node;
}

/** Offer `text` as a file download (made in the page: nothing is sent anywhere). */
export function download(doc, text, name, type) {
  const win = doc.defaultView;
  const url = win.URL.createObjectURL(new win.Blob([text], { type }));
  const link = el(doc, "a", { href: url, download: name });
  doc.body.append(link);
  link.click();
  link.remove();
  win.setTimeout(() => win.URL.revokeObjectURL(url), 10000);
}
