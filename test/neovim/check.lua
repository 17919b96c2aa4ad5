-- Headless Neovim (0.7+) as a second, independent LSP client: start the server over stdio,
-- collect the diagnostics it pushes for one file, apply the preferred quick fix, save, and
-- write what happened as JSON for the node test to assert.
local root = os.getenv("TFL_ROOT")
local server = os.getenv("TFL_SERVER")
local file = os.getenv("TFL_FILE")
local out = os.getenv("TFL_OUT")

local function finish(result)
  local handle = io.open(out, "w")
  handle:write(vim.fn.json_encode(result))
  handle:close()
  vim.cmd("qa!")
end

local client_id = vim.lsp.start_client({
  name = "twelve-factor",
  cmd = { "node", server, "--stdio" },
  root_dir = root,
  workspace_folders = { { uri = vim.uri_from_fname(root), name = "workspace" } },
})
vim.cmd("edit " .. vim.fn.fnameescape(file))
local bufnr = vim.api.nvim_get_current_buf()
vim.lsp.buf_attach_client(bufnr, client_id)

local got = vim.wait(15000, function()
  return #vim.diagnostic.get(bufnr) > 0
end, 50)
if not got then
  return finish({ error = "no diagnostics within 15 s" })
end

local result = { diagnostics = {} }
for _, d in ipairs(vim.diagnostic.get(bufnr)) do
  local lsp = (d.user_data or {}).lsp or {}
  table.insert(result.diagnostics, {
    lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col,
    severity = d.severity, message = d.message, source = d.source, code = lsp.code,
  })
end

local first = vim.diagnostic.get(bufnr)[1]
vim.api.nvim_win_set_cursor(0, { first.lnum + 1, first.col })
local params = vim.lsp.util.make_range_params()
params.context = { diagnostics = vim.lsp.diagnostic.get_line_diagnostics(bufnr) }
local responses = vim.lsp.buf_request_sync(bufnr, "textDocument/codeAction", params, 10000) or {}
local client = vim.lsp.get_client_by_id(client_id)
result.titles = {}
for _, response in pairs(responses) do
  for _, action in ipairs(response.result or {}) do
    table.insert(result.titles, action.title)
    if action.isPreferred and not result.applied then
      if action.edit then
        vim.lsp.util.apply_workspace_edit(action.edit, client.offset_encoding or "utf-16")
      end
      if action.command then
        client.request_sync("workspace/executeCommand", action.command, 10000, bufnr)
      end
      result.applied = action.title
    end
  end
end
vim.cmd("silent! wall")
vim.lsp.stop_client(client_id)
finish(result)
