-- Neovim 0.7 (Debian's) as a second real LSP client of the bundled server, over stdio:
-- diagnostics appear, the preferred code action applies, the diagnostic clears.
-- Run by server/test/neovim.test.ts:
--   SESSION_LINT_SERVER=… SESSION_LINT_FILE=… SESSION_LINT_RESULT=… nvim --headless --clean -u NONE -c 'luafile drive.lua'
-- Writes one line per step to SESSION_LINT_RESULT ("ok <step>" or "fail <step>: <why>"), then quits.
local server = os.getenv('SESSION_LINT_SERVER')
local file = os.getenv('SESSION_LINT_FILE')
local result_path = os.getenv('SESSION_LINT_RESULT')
local out = assert(io.open(result_path, 'w'))

local function report(line)
  out:write(line .. '\n')
  out:flush()
end

local function finish(ok)
  out:close()
  vim.cmd(ok and 'qall!' or 'cquit 1')
end

-- The last diagnostics the server pushed, as LSP tables (0.7's vim.diagnostic items lose
-- `data`, which the code actions need).
local pushed = nil
local client_id = vim.lsp.start_client({
  name = 'session-lint',
  cmd = { 'node', server, '--stdio' },
  root_dir = vim.fn.fnamemodify(file, ':h'),
  handlers = {
    ['textDocument/publishDiagnostics'] = function(err, params, ctx, config)
      if params.uri == vim.uri_from_fname(file) then pushed = params.diagnostics end
      vim.lsp.diagnostic.on_publish_diagnostics(err, params, ctx, config)
    end,
  },
})
if not client_id then
  report('fail start: the server did not start')
  return finish(false)
end

vim.cmd('edit ' .. vim.fn.fnameescape(file))
local bufnr = vim.api.nvim_get_current_buf()
vim.lsp.buf_attach_client(bufnr, client_id)

-- Poll for state, never a fixed sleep: vim.wait returns as soon as the condition holds.
if not vim.wait(30000, function() return pushed ~= nil and #pushed > 0 end, 50) then
  report('fail diagnostics: none arrived')
  return finish(false)
end
local diagnostic = pushed[1]
report(string.format('ok diagnostics: %s %s line %d', diagnostic.source, diagnostic.code, diagnostic.range.start.line + 1))

local client = vim.lsp.get_client_by_id(client_id)
local response = client.request_sync('textDocument/codeAction', {
  textDocument = { uri = vim.uri_from_bufnr(bufnr) },
  range = diagnostic.range,
  context = { diagnostics = { diagnostic } },
}, 10000, bufnr)
if not response or response.err or not response.result then
  report('fail codeAction: ' .. vim.inspect(response))
  return finish(false)
end
local preferred = nil
for _, action in ipairs(response.result) do
  if action.isPreferred then preferred = action end
end
if not preferred or not preferred.edit then
  report('fail codeAction: no preferred fix among ' .. #response.result .. ' actions')
  return finish(false)
end
report('ok codeAction: ' .. preferred.title)

pushed = nil
vim.lsp.util.apply_workspace_edit(preferred.edit, client.offset_encoding or 'utf-16')
if not vim.wait(30000, function() return pushed ~= nil and #pushed == 0 end, 50) then
  report('fail cleared: still ' .. vim.inspect(pushed))
  return finish(false)
end
report('ok cleared: ' .. table.concat(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false), '\\n'))
finish(true)
