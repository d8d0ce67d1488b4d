<?php
// Opens nothing.
