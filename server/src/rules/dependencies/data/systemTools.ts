/**
 * Library knowledge for dependencies/implicit-system-tool. A new process-spawning library is a
 * row in COMMAND_RUNNERS; a new tool is a name in a SYSTEM_TOOLS family.
 */

/**
 * How a runner takes its command: `shell` a command line (`exec("curl -s x | tar xz")`), `file`
 * a program then an argument array (`spawn("ffmpeg", ["-i", input])`).
 */
export type CommandForm = "shell" | "file";

export interface CommandRunnerRow {
  module: string;
  /** Member paths of the callee (`[]`: the default export itself). */
  paths: ReadonlyArray<readonly string[]>;
  form: CommandForm;
}

export const COMMAND_RUNNERS: readonly CommandRunnerRow[] = [
  // node:child_process: exec* go through /bin/sh, spawn*/execFile* take a program and arguments.
  { module: "child_process", paths: [["exec"], ["execSync"]], form: "shell" },
  { module: "child_process", paths: [["spawn"], ["spawnSync"], ["execFile"], ["execFileSync"]], form: "file" },
  // cross-spawn: a drop-in spawn (default export, `.spawn`, `.sync`).
  { module: "cross-spawn", paths: [[], ["spawn"], ["sync"]], form: "file" },
  // execa: `execa(file, args)` (named since v6, default export before), `execaCommand("a b")`.
  { module: "execa", paths: [[], ["execa"], ["sync"], ["execaSync"]], form: "file" },
  { module: "execa", paths: [["command"], ["commandSync"], ["execaCommand"], ["execaCommandSync"]], form: "shell" },
  // shelljs: `shell.exec("cmd")` runs a command line.
  { module: "shelljs", paths: [["exec"]], form: "shell" },
];

/**
 * Template tags whose template is a command line: execa's and zx's `` $`curl ${url}` ``, also
 * with options (`` $({ cwd })`...` ``), and execa used as a tag.
 */
export const COMMAND_TAGS: readonly CommandRunnerRow[] = [
  { module: "execa", paths: [["$"], ["$", "()"], ["execa"], ["execa", "()"]], form: "shell" },
  { module: "zx", paths: [["$"], ["$", "()"]], form: "shell" },
];

/** Programs that run the command given after `-c` (`spawn("sh", ["-c", "pg_dump …"])`). */
export const SHELLS: ReadonlySet<string> = new Set(["sh", "bash", "zsh", "dash", "ash", "ksh"]);

/**
 * Absolute folders where a package manager installs tools: `/usr/bin/convert` is the system's
 * ImageMagick. Any other path (`./bin/x`, `vendor/ffmpeg`, `/app/tools/x`) is the app's own.
 */
export const SYSTEM_BIN_DIRS: readonly string[] = ["/bin/", "/sbin/", "/usr/bin/", "/usr/sbin/", "/usr/local/bin/", "/usr/local/sbin/", "/opt/homebrew/bin/"];

export interface ToolFamily {
  tools: readonly string[];
  /** What to use instead, for the message: "…; install it explicitly …, or use <instead>". */
  instead: string;
}

/**
 * Reviewed tools that a production image or buildpack does not have unless someone installs
 * them. Deliberately absent: `node`, `npm`, `npx` and other Node tools (they come with the
 * runtime or node_modules), POSIX basics present on every Unix (`ls`, `cat`, `mkdir`, `rm`,
 * `cp`, `grep`, `sed`, `echo`, `sh`), and words that are not programs (ImageMagick's binaries
 * are `convert`/`magick`, never `imagemagick`).
 */
export const SYSTEM_TOOLS: readonly ToolFamily[] = [
  { tools: ["curl", "wget"], instead: "fetch() (built into Node) or an HTTP client such as undici" },
  { tools: ["convert", "magick", "identify", "mogrify", "montage", "composite", "gm", "vips", "pngquant", "optipng", "jpegoptim", "cwebp"], instead: "an image library that ships its binaries in node_modules, such as sharp" },
  { tools: ["exiftool"], instead: "exiftool-vendored, which ships the tool in node_modules" },
  { tools: ["ffmpeg", "ffprobe"], instead: "ffmpeg-static / ffprobe-static and spawn the path they export" },
  { tools: ["sox", "lame"], instead: "a declared npm package that ships the binary" },
  { tools: ["gs", "ghostscript", "pdftk", "qpdf", "pdftotext", "pdftoppm", "pdfinfo", "wkhtmltopdf"], instead: "a PDF library such as pdf-lib or pdfjs-dist" },
  { tools: ["libreoffice", "soffice", "pandoc", "tesseract"], instead: "a declared npm package or a service that ships the tool" },
  { tools: ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"], instead: "the browser puppeteer or playwright downloads into the project" },
  { tools: ["git", "svn", "hg"], instead: "isomorphic-git or the hosting provider's API" },
  { tools: ["psql", "pg_dump", "pg_restore", "pg_dumpall"], instead: "the pg driver" },
  { tools: ["mysql", "mysqldump"], instead: "the mysql2 driver" },
  { tools: ["mongo", "mongosh", "mongodump", "mongorestore", "mongoexport", "mongoimport"], instead: "the mongodb driver" },
  { tools: ["redis-cli", "sqlite3"], instead: "the database's npm driver" },
  { tools: ["zip", "unzip", "tar", "gzip", "gunzip", "bzip2", "xz", "7z", "7za", "unrar"], instead: "an archive library such as archiver, yauzl, tar (npm) or node:zlib" },
  { tools: ["openssl"], instead: "node:crypto" },
  { tools: ["ssh", "scp", "sftp", "rsync"], instead: "ssh2 / ssh2-sftp-client" },
  { tools: ["aws", "gcloud", "gsutil", "az", "kubectl", "helm", "terraform", "heroku", "docker"], instead: "the provider's SDK (@aws-sdk/*, @google-cloud/*, @azure/*, @kubernetes/client-node, dockerode)" },
  { tools: ["sendmail", "mail", "mailx"], instead: "nodemailer with an SMTP service" },
  { tools: ["jq", "yq"], instead: "JSON.parse or the yaml package" },
  { tools: ["java", "python", "python2", "python3", "pip", "ruby", "perl", "php", "go", "dotnet", "Rscript"], instead: "a Node implementation or a separate service that declares its own runtime" },
];

/** Tool name → its family, for lookups. */
export const TOOL_FAMILY: ReadonlyMap<string, ToolFamily> = new Map(SYSTEM_TOOLS.flatMap((family) => family.tools.map((tool) => [tool, family] as const)));
