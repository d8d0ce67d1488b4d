<?php
// Included by every entry script: only the login page's request closes the session here.
session_start();
if (PAGE_NAME === 'login') {
    session_write_close();
}
