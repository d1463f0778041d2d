" Regel policy files (*.regel) get the regel file type (editors/vim/).
autocmd BufRead,BufNewFile *.regel setfiletype regel
