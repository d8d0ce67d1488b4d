<?php
session_start();
