// Warn before the service signs someone out (the GOV.UK "Warn users before a service times them
// out" pattern): a modal dialog opens before the session ends, counts down, and offers "Stay
// signed in" and "Sign out". Pages work without it: the server ends the session and its next page
// says why (accounts/session_ended.html). Asking for the time left does not count as activity, so
// another tab's activity is noticed and an open tab does not keep a session alive on its own.
const dialog = document.querySelector('[data-module="sw-timeout-warning"]')

function words (seconds) {
  const minutes = Math.floor(seconds / 60)
  const rest = seconds % 60
  const parts = []
  if (minutes) parts.push(`${minutes} minute${minutes === 1 ? '' : 's'}`)
  if (rest || !minutes) parts.push(`${rest} second${rest === 1 ? '' : 's'}`)
  return parts.join(' ')
}

if (dialog && typeof dialog.showModal === 'function') {
  const warning = Number(dialog.dataset.warningSeconds) || 120
  const countdown = dialog.querySelector('.sw-timeout-warning__countdown')
  const announce = dialog.querySelector('[data-timeout-announce]')
  const extendForm = dialog.querySelector('.sw-timeout-warning__actions')
  const extendButton = dialog.querySelector('[data-timeout-extend]')
  let deadline = 0
  let timer = null
  let ticker = null

  const stop = () => {
    clearTimeout(timer)
    clearInterval(ticker)
  }

  const goToSignedOut = (reason) => {
    const query = new URLSearchParams({ next: window.location.pathname + window.location.search })
    if (reason) query.set('reason', reason)
    window.location.assign(`${dialog.dataset.endedUrl}?${query}`)
  }

  const schedule = (secondsLeft) => {
    stop()
    deadline = Date.now() + secondsLeft * 1000
    timer = setTimeout(check, Math.max(0, secondsLeft - warning) * 1000)
  }

  const tick = () => {
    const left = Math.max(0, Math.round((deadline - Date.now()) / 1000))
    countdown.textContent = words(left)
    if (left % 30 === 0 || left === 10) {
      announce.textContent = `We will sign you out in ${words(left)}.`
    }
    if (left === 0) {
      stop()
      timer = setTimeout(check, 1000) // a moment's grace: the server's clock has the last word
    }
  }

  const open = (secondsLeft, canExtend) => {
    stop()
    deadline = Date.now() + secondsLeft * 1000
    extendButton.hidden = !canExtend
    if (!dialog.open) dialog.showModal()
    tick()
    ticker = setInterval(tick, 1000)
  }

  const follow = (state) => {
    if (!state.signed_in) {
      goToSignedOut(state.reason)
    } else if (state.seconds_left > warning + 5) {
      if (dialog.open) dialog.close()
      schedule(state.seconds_left)
    } else {
      open(state.seconds_left, state.can_extend)
    }
  }

  // With the network down, count down from what is known; the server has the last word.
  const fallback = () => {
    const left = Math.round((deadline - Date.now()) / 1000)
    if (left <= 0) goToSignedOut('')
    else open(left, false)
  }

  async function check () {
    try {
      const response = await fetch(dialog.dataset.statusUrl, {
        headers: { Accept: 'application/json' },
        credentials: 'same-origin'
      })
      follow(await response.json())
    } catch {
      fallback()
    }
  }

  async function extend () {
    try {
      const response = await fetch(extendForm.action, {
        method: 'POST',
        body: new FormData(extendForm),
        headers: { Accept: 'application/json' },
        credentials: 'same-origin'
      })
      follow(await response.json())
    } catch {
      fallback()
    }
  }

  extendForm.addEventListener('submit', (event) => {
    if (event.submitter && event.submitter !== extendButton) return // "Sign out" posts as usual
    event.preventDefault()
    extend()
  })
  // Closing the dialog with Escape counts as staying signed in, as the pattern recommends.
  dialog.addEventListener('cancel', (event) => {
    event.preventDefault()
    if (!extendButton.hidden) extend()
  })

  schedule(Number(dialog.dataset.secondsLeft))
}
