import { describe, expect, it } from 'vitest';
import { mayShowLocalImage } from '../../src/images/article.js';

describe('mayShowLocalImage', () => {
  it('is false only when every image is an inline image from an http(s) URL', () => {
    expect(mayShowLocalImage('Không có ảnh.')).toBe(false);
    expect(mayShowLocalImage('![Toàn cảnh hội nghị](https://example.org/anh/hoi-nghi.jpg)\n\n![Ảnh 2]( //cdn.example.org/b.jpg "Chú thích")')).toBe(false);
  });

  it('leaves every other case to the Markdown parser', () => {
    const bodies = [
      '![Vườn bưởi](anh/vuon-buoi.jpg)',
      '![Ảnh](/anh/x.png) và ![Ảnh xa](https://example.org/y.jpg)',
      '![Ảnh][tham-chieu]\n\n[tham-chieu]: anh/x.jpg',
      '![Ảnh [có ngoặc]](https://example.org/y.jpg)',
      '![Ảnh](<anh/ảnh có dấu cách.jpg>)',
      '![Ảnh](\nhttps://example.org/y.jpg)',
    ];
    expect(bodies.map(mayShowLocalImage)).toEqual([true, true, true, true, true, true]);
  });
});
