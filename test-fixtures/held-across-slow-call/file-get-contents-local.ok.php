<?php
// Reading a small config file that ships with the app (a literal local path) is not slow work,
// so doing it with the session open is fine.
declare(strict_types=1);

session_start();

$menu = json_decode((string) file_get_contents(__DIR__ . '/config/menu.json'), true) ?: [];
$settings = parse_ini_file('config.ini', true) ?: [];
$role = (string) ($_SESSION['role'] ?? 'guest');

$visible = array_values(array_filter($menu, static fn (array $item): bool => in_array($role, $item['roles'] ?? [], true)));
$_SESSION['menu_rendered_at'] = time();
session_write_close();

header('Content-Type: application/json');
echo json_encode(['menu' => $visible, 'theme' => $settings['ui']['theme'] ?? 'light']);
