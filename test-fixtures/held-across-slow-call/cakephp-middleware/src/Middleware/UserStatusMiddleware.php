<?php
// A PSR-15 middleware of a CakePHP application reads the session (`read()` starts it) and
// passes the request on with it open: every controller action behind it runs with the lock held.
declare(strict_types=1);

namespace App\Middleware;

use Psr\Http\Message\ResponseInterface;
use Psr\Http\Message\ServerRequestInterface;
use Psr\Http\Server\MiddlewareInterface;
use Psr\Http\Server\RequestHandlerInterface;

class UserStatusMiddleware implements MiddlewareInterface
{
    public function process(ServerRequestInterface $request, RequestHandlerInterface $handler): ResponseInterface
    {
        /** @var \Cake\Http\ServerRequest $request */
        $userId = $request->getSession()->read('Auth.user.id');
        if (is_string($userId) && $userId === '') {
            $request->getSession()->destroy();
        }

        return $handler->handle($request);
    }
}
