<?php
// The twin of cakephp-middleware: the middleware reads the session and closes it before it
// passes the request on, so no action behind it holds the lock.
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
        $request->getSession()->close();

        return $handler->handle($request);
    }
}
