<?php
// Included by summary.php only: a gauge drawn from local data.
function show_gauge()
{
    echo '<meter value="1"></meter>';
}

function show_totals()
{
    echo '<p>0</p>';
}
