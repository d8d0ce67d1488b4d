<?php
// Search page: remember_search() writes $_SESSION and is fine on its own (its caller opens the
// session), but here it is called after session_write_close(): the finding is at the call, with
// the write inside the helper as a related location. The helper itself is not reported.
declare(strict_types=1);

function remember_search(string $query): void
{
    $history = $_SESSION['search_history'] ?? [];
    array_unshift($history, $query);
    $_SESSION['search_history'] = array_slice(array_unique($history), 0, 10);
}

function search_catalog(string $query): array
{
    $ch = curl_init('http://search.internal:9200/products/_search?q=' . rawurlencode($query));
    curl_setopt($ch, CURLOPT_RETURNTRANSFER, true);
    $hits = json_decode((string) curl_exec($ch), true);
    curl_close($ch);
    return $hits['hits']['hits'] ?? [];
}

session_start();
$locale = (string) ($_SESSION['locale'] ?? 'en');
session_write_close();

$query = trim((string) ($_GET['q'] ?? ''));
$results = $query === '' ? [] : search_catalog($query);
if ($query !== '') {
    session_start();
    remember_search($query); // expect: write-after-close "^`remember_search\(\)` writes the session after it was closed \(line 25\): the write is lost"
    session_write_close();
}

header('Content-Type: application/json');
echo json_encode(['locale' => $locale, 'results' => $results]);
