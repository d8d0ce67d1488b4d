<?php
// A local action: lists the news from the database.
echo '<ul><li>news</li></ul>';
