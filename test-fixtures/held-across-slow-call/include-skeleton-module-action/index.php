<?php
// A module action picked by the request (CMS Made Simple's moduleinterface.php): the module's folder
// is computed at run time and the action file is `<folder>/action.<name>.php`, so which file runs is
// not known, but the written skeleton names the candidates: every `action.*.php` of the project. The
// session is open at the include, so each candidate runs with the lock held: the repository module's
// update action fetches the remote list (reported in that file), the news action does not.
require __DIR__ . '/lib/module.php';
require __DIR__ . '/lib/router.php';
session_start();
$module = new Module(basename($_GET['module'] ?? 'News'));
$module->doAction(basename($_GET['action'] ?? 'default'));
// A controller picked by the route (AbanteCart's dispatcher): its file from a skeleton, its class
// built from the same route; the candidates are the classes those files declare.
(new Router())->run($_GET['rt'] ?? 'home');
$_SESSION['seen'] = true;
