<?php
// The module action and the routed controller of include-skeleton-module-action run after the
// session is closed: nothing is held. Before the close, includes whose skeleton names nothing do
// not fan out to the slow files: a bare separator then the name (`'/' . $file`), a separator then
// only an unknown name and an extension (`'/' . $page . '.php'`), and one literal file name in an
// unknown folder (`'/action.update.php'`).
require __DIR__ . '/lib/module.php';
require __DIR__ . '/lib/router.php';
session_start();
$module = new Module(basename($_GET['module'] ?? 'News'));
$module->includeLoosely(basename($_GET['file'] ?? 'action.default.php'));
$_SESSION['seen'] = true;
session_write_close();
$module->doAction(basename($_GET['action'] ?? 'default'));
(new Router())->run($_GET['rt'] ?? 'home');
