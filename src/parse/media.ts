// Image candidates shared by RSS and Atom items: enclosures, Media RSS and iTunes images.
import { isItunesNamespace, isMediaNamespace } from './namespaces.js';
import type { UrlRef } from './item-parts.js';
import { attr, elements, type XmlElement } from './xml-tree.js';

const IMAGE_EXTENSION = /\.(?:jpe?g|png|gif|webp|avif|bmp)(?:[?#]|$)/i;

// isImage tells whether an enclosure/media element points at an image, by type, medium or extension.
export function isImage(type: string | null, url: string, medium: string | null = null): boolean {
  if (medium !== null) return medium.trim().toLowerCase() === 'image';
  if (type !== null && type.trim() !== '') return type.trim().toLowerCase().startsWith('image/');
  return IMAGE_EXTENSION.test(url);
}

// mediaImages lists media:content images, then media:thumbnail (also inside media:group), then itunes:image.
export function mediaImages(item: XmlElement): UrlRef[] {
  const full: UrlRef[] = [];
  const thumbs: UrlRef[] = [];
  const scan = (el: XmlElement): void => {
    for (const c of elements(el, undefined, isMediaNamespace)) {
      const url = attr(c, 'url');
      if (c.local === 'group') scan(c);
      else if (url === null) continue;
      else if (c.local === 'thumbnail') thumbs.push({ href: url, base: c.base });
      else if (c.local === 'content' && isImage(attr(c, 'type'), url, attr(c, 'medium'))) full.push({ href: url, base: c.base });
    }
  };
  scan(item);
  const itunes = elements(item, 'image', isItunesNamespace).flatMap((c) => {
    const href = attr(c, 'href');
    return href === null ? [] : [{ href, base: c.base }];
  });
  return [...full, ...thumbs, ...itunes];
}

// mediaElements lists media:<local> children of an item and of its media:group elements.
export function mediaElements(item: XmlElement, local: string): XmlElement[] {
  const groups = elements(item, 'group', isMediaNamespace);
  return [item, ...groups].flatMap((el) => elements(el, local, isMediaNamespace));
}
