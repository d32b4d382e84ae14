import { Lang } from '../number/format';
import { fillTemplate } from './template';

/**
 * Words of the command line's file problems: an output that would replace the input or another
 * file, and every system error (no permission, a full or read-only disk, a folder where a file was
 * expected…) said as one sentence naming the file, Vietnamese first, then English. Templates take
 * {path} (the name as the user typed it, already escaped for the terminal), {input}, {option},
 * {code}. ES5-safe.
 */
type Template = { vi: string; en: string };

/** What the program was doing with the file when the system refused. */
export type FileAction = 'read' | 'list' | 'write';

export const OUTPUT_TEXT = {
  outIsInput: {
    vi: 'Không ghi đè tệp gốc: {option} "{path}" chính là tệp đầu vào "{input}" (cùng một tệp, qua liên kết hoặc tên khác); hãy chọn tên khác.',
    en: 'Refusing to overwrite the input: {option} "{path}" is the input file "{input}" itself (the same file, through a link or another name); choose another name.',
  },
  outExists: {
    vi: 'Tệp "{path}" đã có; hãy chọn tên khác, hoặc thêm --force để ghi đè.',
    en: '"{path}" already exists; choose another name, or add --force to replace it.',
  },
  outExistsNotConsolidation: {
    vi: 'Tệp "{path}" đã có và không phải bảng tổng hợp do công cụ ghi; hãy chọn tên khác, hoặc thêm --force để ghi đè.',
    en: '"{path}" already exists and is not a consolidation the tool wrote; choose another name, or add --force to replace it.',
  },
  outIsFolder: { vi: '"{path}" là một thư mục, không phải tệp {ext}.', en: '"{path}" is a folder, not a {ext} file.' },
  outFolderMissing: { vi: 'Không có thư mục "{dir}" để ghi "{path}".', en: 'The folder "{dir}" to write "{path}" in does not exist.' },
  outParentNotFolder: { vi: 'Không ghi được "{path}": "{dir}" không phải thư mục.', en: 'Cannot write "{path}": "{dir}" is not a folder.' },
  cannotWrite: { vi: 'Không ghi được tệp "{path}": {reason}', en: 'Cannot write "{path}": {reason}' },
};

export type OutputTextKey = keyof typeof OUTPUT_TEXT;

type ByAction = { [action in FileAction]?: Template } & { any: Template };

/** One sentence per system error code; by action where the action changes what the user should do. */
const SYSTEM_TEXT: { [code: string]: ByAction } = {
  EACCES: {
    read: { vi: 'Không có quyền đọc "{path}".', en: 'No permission to read "{path}".' },
    list: { vi: 'Không có quyền đọc thư mục "{path}".', en: 'No permission to read the folder "{path}".' },
    write: { vi: 'Không có quyền ghi "{path}" (thư mục chỉ cho đọc, hoặc tệp bị khóa).', en: 'No permission to write "{path}" (a read-only folder, or a locked file).' },
    any: { vi: 'Không có quyền truy cập "{path}".', en: 'No permission to access "{path}".' },
  },
  EROFS: {
    any: { vi: 'Không ghi được "{path}": ổ đĩa chỉ cho phép đọc.', en: 'Cannot write "{path}": the disk is read-only.' },
  },
  ENOSPC: {
    any: { vi: 'Không ghi được "{path}": ổ đĩa đã đầy; hãy giải phóng dung lượng rồi thử lại.', en: 'Cannot write "{path}": the disk is full; free some space and try again.' },
  },
  EDQUOT: {
    any: { vi: 'Không ghi được "{path}": đã hết dung lượng được cấp trên ổ đĩa.', en: 'Cannot write "{path}": the disk quota is used up.' },
  },
  EFBIG: {
    any: { vi: 'Không ghi được "{path}": tệp quá lớn với ổ đĩa này.', en: 'Cannot write "{path}": the file is too large for this disk.' },
  },
  EISDIR: {
    any: { vi: '"{path}" là một thư mục, không phải tệp.', en: '"{path}" is a folder, not a file.' },
  },
  ENOTDIR: {
    list: { vi: '"{path}" không phải thư mục.', en: '"{path}" is not a folder.' },
    any: { vi: 'Đường dẫn "{path}" có một phần không phải thư mục.', en: 'Part of the path "{path}" is not a folder.' },
  },
  ENOENT: {
    write: { vi: 'Không có thư mục để ghi "{path}".', en: 'The folder to write "{path}" in does not exist.' },
    list: { vi: 'Không tìm thấy thư mục "{path}".', en: 'Folder "{path}" not found.' },
    any: { vi: 'Không tìm thấy "{path}".', en: '"{path}" not found.' },
  },
  EMFILE: {
    any: { vi: 'Quá nhiều tệp đang mở cùng lúc khi mở "{path}"; hãy đóng bớt chương trình rồi thử lại.', en: 'Too many files open when opening "{path}"; close some programs and try again.' },
  },
  ENAMETOOLONG: {
    any: { vi: 'Tên hoặc đường dẫn quá dài: "{path}".', en: 'The name or path is too long: "{path}".' },
  },
  EBUSY: {
    any: {
      vi: '"{path}" đang được chương trình khác dùng (có thể đang mở trong Excel hoặc Word); hãy đóng rồi thử lại.',
      en: '"{path}" is in use by another program (perhaps open in Excel or Word); close it and try again.',
    },
  },
  EEXIST: {
    any: { vi: 'Tệp "{path}" đã có; hãy chọn tên khác, hoặc thêm --force để ghi đè.', en: '"{path}" already exists; choose another name, or add --force to replace it.' },
  },
  ELOOP: {
    any: { vi: 'Đường dẫn "{path}" có liên kết vòng (liên kết trỏ về chính nó).', en: 'The path "{path}" has a link loop (a link pointing back to itself).' },
  },
  EIO: {
    read: { vi: 'Lỗi ổ đĩa khi đọc "{path}".', en: 'Disk error while reading "{path}".' },
    list: { vi: 'Lỗi ổ đĩa khi đọc thư mục "{path}".', en: 'Disk error while reading the folder "{path}".' },
    any: { vi: 'Lỗi ổ đĩa khi ghi "{path}".', en: 'Disk error while writing "{path}".' },
  },
  EINVAL: {
    any: { vi: 'Tên "{path}" không hợp lệ trên hệ thống này.', en: 'The name "{path}" is not valid on this system.' },
  },
  EXDEV: {
    any: { vi: 'Không ghi được "{path}": không chuyển được tệp giữa hai ổ đĩa.', en: 'Cannot write "{path}": the file cannot be moved between two disks.' },
  },
};

// Codes that mean the same to the user.
const SAME_AS: { [code: string]: string } = { EPERM: 'EACCES', ENFILE: 'EMFILE', ETXTBSY: 'EBUSY', ENOTEMPTY: 'EISDIR', ENOTSUP: 'EINVAL' };

const OTHER: Template = { vi: 'Lỗi hệ thống {code} với "{path}".', en: 'System error {code} with "{path}".' };

function fill(template: string, params: { [name: string]: string | number }): string {
  return fillTemplate(template, (name: string) => (params[name] !== undefined ? String(params[name]) : undefined));
}

/** The error codes with a sentence of their own (any other code still gets a one-line sentence). */
export function knownSystemErrorCodes(): string[] {
  return Object.keys(SYSTEM_TEXT).concat(Object.keys(SAME_AS));
}

/** The sentence for a system error `code` met while doing `action` with `path` (already escaped). */
export function systemErrorText(code: string, action: FileAction | 'any', path: string, lang: Lang): string {
  const byAction = SYSTEM_TEXT[SAME_AS[code] || code];
  const template = byAction ? (action !== 'any' && byAction[action]) || byAction.any : OTHER;
  return fill(template[lang], { path: path, code: code });
}

export function outputText(key: OutputTextKey, lang: Lang, params: { [name: string]: string | number }): string {
  return fill(OUTPUT_TEXT[key][lang], params);
}
