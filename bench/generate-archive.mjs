// Writes a deterministic, realistic Vietnamese news archive of N articles, for benchmarks.
// Usage: node bench/generate-archive.mjs <folder> [--articles N] [--seed S]
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';

const CATEGORIES = [
  ['Thời sự', 22], ['Kinh tế', 14], ['Xã hội', 12], ['Văn hóa', 9], ['Giáo dục', 8], ['Thể thao', 8],
  ['Nông nghiệp', 7], ['Pháp luật', 6], ['Y tế', 5], ['Du lịch', 4], ['Khoa học - Công nghệ', 3], ['Quốc phòng - An ninh', 2],
];
const SUBJECTS = ['Huyện Đông Sơn', 'Thành phố', 'Xã Tân Lập', 'Sở Giáo dục và Đào tạo', 'Ủy ban nhân dân tỉnh', 'Hội Nông dân tỉnh', 'Công an tỉnh', 'Ngành y tế', 'Đoàn thanh niên', 'Hợp tác xã Hòa Bình', 'Bệnh viện Đa khoa tỉnh', 'Khu công nghiệp phía Nam'];
const VERBS = ['triển khai', 'sơ kết', 'tổng kết', 'phát động', 'đẩy mạnh', 'hoàn thành', 'khởi công', 'khánh thành', 'kiểm tra', 'hỗ trợ', 'tuyên dương', 'đón nhận'];
const OBJECTS = ['phong trào thi đua yêu nước', 'chương trình xây dựng nông thôn mới', 'công tác cải cách hành chính', 'dự án đường giao thông liên xã', 'mô hình chuyển đổi số cấp xã', 'kế hoạch phòng chống thiên tai', 'chiến dịch tiêm chủng mở rộng', 'giải bóng đá thanh niên', 'lễ hội truyền thống đền Đồng Cổ', 'sản phẩm OCOP đạt chuẩn 4 sao', 'nhà tình nghĩa cho hộ nghèo', 'kỳ thi tuyển sinh lớp 10'];
/** Sentences of a provincial news article, shared by the benchmarks. */
export const SENTENCES = [
  'Theo báo cáo, trong thời gian qua các đơn vị đã chủ động xây dựng kế hoạch và triển khai đồng bộ nhiều giải pháp.',
  'Nhiều tập thể, cá nhân tiêu biểu đã được biểu dương, khen thưởng kịp thời, tạo khí thế thi đua sôi nổi.',
  'Người dân trên địa bàn đồng tình ủng hộ, tích cực hiến đất, góp công xây dựng đường giao thông nông thôn.',
  'Lãnh đạo tỉnh đề nghị các sở, ngành tiếp tục rà soát, tháo gỡ khó khăn, vướng mắc cho doanh nghiệp.',
  'Đến nay, toàn tỉnh có hơn 120 xã đạt chuẩn nông thôn mới, trong đó 35 xã đạt chuẩn nông thôn mới nâng cao.',
  'Chương trình đã vận động được hàng trăm triệu đồng để hỗ trợ người cao tuổi, người có công và trẻ em khuyết tật.',
  'Phát biểu tại hội nghị, đại diện Ủy ban nhân dân tỉnh ghi nhận những kết quả đạt được trong 6 tháng đầu năm.',
  'Bên cạnh kết quả đạt được, công tác này vẫn còn một số hạn chế cần sớm được khắc phục trong thời gian tới.',
  'Đường sá được mở rộng, đèn chiếu sáng được lắp đặt, bộ mặt nông thôn ngày càng khang trang, sạch đẹp.',
  'Ngành chức năng khuyến cáo người dân chủ động theo dõi thông tin thời tiết, không ra khơi khi có bão.',
];

/** A small seeded random generator, so the same seed gives the same archive on every machine. */
export function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const slug = (text) => text.normalize('NFD').replace(/\p{M}+/gu, '').replace(/[đĐ]/g, 'd').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
const pad = (n) => String(n).padStart(2, '0');

function pickWeighted(rand) {
  const total = CATEGORIES.reduce((sum, [, w]) => sum + w, 0);
  let r = rand() * total;
  for (const [name, weight] of CATEGORIES) if ((r -= weight) < 0) return name;
  return CATEGORIES[0][0];
}

function timestamp(rand, i) {
  const day = new Date(Date.UTC(2015, 0, 1) + Math.floor(rand() * 3650) * 86_400_000);
  const hour = rand() < 0.08 ? Math.floor(rand() * 7) : 7 + Math.floor(rand() * 15);
  const minute = Math.floor(rand() * 60);
  const [y, m, d] = [day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate()];
  const styles = [`${y}-${pad(m)}-${pad(d)} ${pad(hour)}:${pad(minute)}`, `"${pad(d)}/${pad(m)}/${y} ${pad(hour)}:${pad(minute)}"`, `${pad(d)}.${pad(m)}.${y} | ${pad(hour)}:${pad(minute)} ${hour < 12 ? 'AM' : 'PM'}`, `${y}-${pad(m)}-${pad(d)}T${pad(hour)}:${pad(minute)}:00+07:00`];
  return styles[i % styles.length];
}

function body(rand, words, links) {
  const parts = [];
  let count = 0;
  while (count < words) {
    const paragraph = Array.from({ length: 3 + Math.floor(rand() * 3) }, () => SENTENCES[Math.floor(rand() * SENTENCES.length)]).join(' ');
    parts.push(paragraph);
    count += paragraph.split(' ').length;
    if (parts.length === 3) parts.push(`## ${OBJECTS[Math.floor(rand() * OBJECTS.length)].replace(/^./, (c) => c.toUpperCase())}`);
    if (parts.length === 6) parts.push('- Tăng cường công tác tuyên truyền\n- Huy động nguồn lực xã hội hóa\n- Kiểm tra, giám sát thường xuyên');
  }
  if (links.length > 0) parts.push(`Xem thêm: [bài liên quan](${links[Math.floor(rand() * links.length)]}).`);
  parts.push('![Toàn cảnh hội nghị](https://example.org/anh/hoi-nghi.jpg)');
  return parts.join('\n\n');
}

/** Writes `count` articles under `folder`/content and returns their URLs. */
export async function generateArchive(folder, count, seed = 1) {
  const rand = random(seed);
  await rm(path.join(folder, 'content'), { recursive: true, force: true });
  const urls = [];
  const created = new Set();
  for (let i = 0; i < count; i++) {
    const category = pickWeighted(rand);
    const title = `${SUBJECTS[Math.floor(rand() * SUBJECTS.length)]} ${VERBS[Math.floor(rand() * VERBS.length)]} ${OBJECTS[Math.floor(rand() * OBJECTS.length)]} (số ${i + 1})`;
    const articleSlug = slug(title);
    const dir = path.join(folder, 'content', slug(category), String(2015 + (i % 10)));
    if (!created.has(dir)) {
      await mkdir(dir, { recursive: true });
      created.add(dir);
    }
    const keys = i % 3 === 0 ? ['title', 'author', 'date', 'category', 'summary'] : i % 3 === 1 ? ['tiêu_đề', 'tác_giả', 'thời_gian', 'chuyên_mục', 'sapo'] : ['tieu_de', 'tac_gia', 'ngay_dang', 'chuyen_muc', 'tom_tat'];
    const text = `---\n${keys[0]}: "${title}"\n${keys[1]}: ${['Thu Hoài', 'Minh Đức', 'Ngọc Anh', 'Hoàng Long', 'Lê Thanh'][i % 5]}\n${keys[2]}: ${timestamp(rand, i)}\n${keys[3]}: ${category}\n${keys[4]}: "${SENTENCES[i % SENTENCES.length]}"\n---\n${body(rand, 250 + Math.floor(rand() * 650), urls.slice(-50))}\n`;
    await writeFile(path.join(dir, `${articleSlug}.md`), text);
    urls.push(`/${slug(category)}/${articleSlug}/`);
  }
  return urls;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { articles: { type: 'string', default: '1000' }, seed: { type: 'string', default: '1' } } });
  if (positionals.length !== 1) throw new Error('usage: node bench/generate-archive.mjs <folder> [--articles N] [--seed S]');
  const urls = await generateArchive(path.resolve(positionals[0]), Number(values.articles), Number(values.seed));
  console.log(`Wrote ${urls.length} articles under ${path.join(positionals[0], 'content')}`);
}
