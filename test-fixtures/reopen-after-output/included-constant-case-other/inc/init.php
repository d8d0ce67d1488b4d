<?php
// Included by every entry script; this one gives no fallback, each page defines PAGE_NAME.
// `case 'style'` (the only close) runs only in the request of the page that defines it so.
session_start();
switch (PAGE_NAME) {
    case 'style':
        session_write_close();
        break;
    case 'mailto':
        break;
}
