<?php
declare(strict_types=1);

require_once __DIR__ . '/app.php';

function show_page(): void
{
    echo '<h1>Report</h1>';
    flush();
    page_footer();
}

show_page();
