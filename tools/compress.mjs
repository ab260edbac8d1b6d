// How tools/serve.mjs compresses a file, and so what the size test counts: brotli at quality 11,
// and gzip by zopfli when it is installed (scripts/setup.sh installs Debian's), else by zlib at
// level 9. Zopfli writes ordinary gzip, which every browser reads, about 4 % smaller than zlib's
// best (7.8 KB off our first load) at about a second per 400 KB: what a deployment gets by
// compressing its files once when it publishes them (nginx's gzip_static, for one).
import { execFile, spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';

/** Whether the zopfli command is on PATH (checked once). */
const HAS_ZOPFLI = spawnSync('zopfli', ['-h'], { stdio: 'ignore' }).error === undefined;

/** The name of the gzip compressor in use, for tables and logs. */
export const GZIP_NAME = HAS_ZOPFLI ? 'zopfli' : 'gzip -9';

const run = promisify(execFile);

/** The file's bytes compressed for `encoding`, 'gzip' or 'br'. */
export async function compressFile(path, encoding) {
  if (encoding === 'gzip' && HAS_ZOPFLI) {
    const { stdout } = await run('zopfli', ['-c', path], { encoding: 'buffer', maxBuffer: 256 << 20 });
    return stdout;
  }
  return compress(await readFile(path), encoding);
}

/** Bytes compressed for `encoding` without zopfli, which needs a file. */
function compress(bytes, encoding) {
  if (encoding === 'br') {
    return brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } });
  }
  return gzipSync(bytes, { level: 9 });
}
