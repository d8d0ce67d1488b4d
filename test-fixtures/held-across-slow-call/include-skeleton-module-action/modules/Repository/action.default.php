<?php
// The repository's overview: local.
echo '<p>repository</p>';
