/**
 * PHP's own functions that can put bytes in the output buffer or send them (lower-case): the
 * printers (`printf()`, `print_r()`, `var_dump()`…), what passes a file or a program's output
 * through (`readfile()`, `fpassthru()`, `passthru()`, `system()`), the image writers that print
 * when given no file name, writers that may be handed `php://output`, and the error raisers
 * that print with `display_errors` on. Every other function in `PHP_BUILTIN_FUNCTIONS` writes
 * nothing to the client (`define()`, `ini_set()`, `error_reporting()`, `strtolower()`…).
 */
export const PHP_OUTPUT_BUILTINS: ReadonlySet<string> = new Set([
  // Printers.
  'printf', 'vprintf', 'print_r', 'var_dump', 'var_export', 'debug_zval_dump', 'debug_print_backtrace',
  'phpinfo', 'phpcredits', 'highlight_file', 'show_source', 'highlight_string', 'output_add_rewrite_var',
  // Pass-through of a file, a stream or a program's output.
  'readfile', 'readgzfile', 'fpassthru', 'gzpassthru', 'passthru', 'system',
  // Writers whose stream may be `php://output` or `STDOUT`.
  'fwrite', 'fputs', 'fprintf', 'vfprintf', 'fputcsv', 'file_put_contents', 'stream_copy_to_stream',
  // Image writers: with no file name they print the image.
  'image2wbmp', 'imageavif', 'imagebmp', 'imagegd', 'imagegd2', 'imagegif', 'imagejpeg', 'imagepng',
  'imagewbmp', 'imagewebp', 'imagexbm',
  // Errors raised by the script print with `display_errors` on.
  'trigger_error', 'user_error',
  // Buffer control that passes bytes on.
  'flush', 'ob_flush', 'ob_end_flush', 'ob_get_flush', 'ob_implicit_flush',
]);
